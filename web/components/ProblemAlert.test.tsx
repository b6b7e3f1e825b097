import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { ApiError } from "@/lib/api";
import { ProblemAlert } from "./ProblemAlert";

describe("<ProblemAlert>", () => {
  it("shows the title, detail, each field's messages and the trace reference", () => {
    const error = new ApiError({
      status: 400,
      title: "One or more validation errors occurred.",
      detail: "Check the highlighted fields.",
      fieldErrors: { email: ["Email is required.", "Email must be valid."], displayName: ["Too long."] },
      traceId: "00-abc-def-01",
    });

    render(<ProblemAlert error={error} />);

    const alert = screen.getByRole("alert");
    expect(alert).toHaveTextContent("One or more validation errors occurred.");
    expect(alert).toHaveTextContent("Check the highlighted fields.");
    const items = within(screen.getByRole("list", { name: "Problems with the form" })).getAllByRole("listitem");
    expect(items.map((item) => item.textContent)).toEqual([
      "email: Email is required.",
      "email: Email must be valid.",
      "displayName: Too long.",
    ]);
    expect(alert).toHaveTextContent("Reference: 00-abc-def-01");
  });

  it("shows a message without a label when the field name is empty", () => {
    render(<ProblemAlert error={new ApiError({ status: 400, title: "Invalid", fieldErrors: { "": ["The request is empty."] } })} />);

    expect(screen.getByRole("listitem")).toHaveTextContent(/^The request is empty\.$/);
  });

  it("tells how long to wait after a 429", () => {
    render(<ProblemAlert error={new ApiError({ status: 429, title: "Too many requests", retryAfterSeconds: 30 })} />);

    expect(screen.getByRole("alert")).toHaveTextContent("Please wait 30 seconds before trying again.");
  });

  it("shows only the title when there is nothing else to say", () => {
    render(<ProblemAlert error={new ApiError({ status: 500, title: "Something went wrong on our side" })} />);

    expect(screen.getByRole("alert")).toHaveTextContent(/^Something went wrong on our side$/);
    expect(screen.queryByRole("list")).not.toBeInTheDocument();
    expect(screen.queryByRole("button")).not.toBeInTheDocument();
  });

  it("offers a retry when given one", async () => {
    const onRetry = vi.fn();
    render(<ProblemAlert error={new ApiError({ status: 503, title: "The service is unavailable" })} onRetry={onRetry} />);

    await userEvent.click(screen.getByRole("button", { name: "Try again" }));

    expect(onRetry).toHaveBeenCalledOnce();
  });
});
