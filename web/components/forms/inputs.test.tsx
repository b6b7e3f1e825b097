import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { createRef, useState } from "react";
import { describe, expect, it, vi } from "vitest";
import { NumberField, SelectField, TextAreaField, TextField } from "./inputs";

describe("shared form fields", () => {
  it("label the input, describe it by its error and hint, and mark it invalid", () => {
    render(<TextField id="f-name" label="Name" errors={["is required."]} hint="As on the policy" value="" onChange={() => {}} />);

    const input = screen.getByLabelText("Name");
    expect(input).toHaveAttribute("id", "f-name");
    expect(input).toHaveAttribute("aria-invalid", "true");
    expect(input).toHaveAccessibleDescription("Name is required. As on the policy");
    expect(screen.getByText("Name is required.")).toHaveAttribute("id", "f-name-error");
  });

  it("are neither invalid nor described when there is nothing to say", () => {
    render(<TextField id="f-city" label="City" value="Austin" onChange={() => {}} />);

    const input = screen.getByLabelText("City");
    expect(input).not.toHaveAttribute("aria-invalid");
    expect(input).not.toHaveAttribute("aria-describedby");
    expect(input).toHaveValue("Austin");
  });

  it("hand the new text to onChange and pass the input's own attributes and ref on", async () => {
    const changes: string[] = [];
    const ref = createRef<HTMLInputElement>();
    function Controlled() {
      const [value, setValue] = useState("");
      return (
        <TextField
          id="f-code"
          label="Currency"
          ref={ref}
          maxLength={3}
          autoComplete="off"
          value={value}
          onChange={(text) => {
            changes.push(text);
            setValue(text.toUpperCase());
          }}
        />
      );
    }
    render(<Controlled />);

    await userEvent.type(screen.getByLabelText("Currency"), "usdx");

    expect(screen.getByLabelText("Currency")).toHaveValue("USD");
    expect(screen.getByLabelText("Currency")).toHaveAttribute("autocomplete", "off");
    expect(ref.current).toBe(screen.getByLabelText("Currency"));
    expect(changes).toEqual(["u", "Us", "USd"]);
  });

  it("keep a number field's text as typed, with its range", async () => {
    const onChange = vi.fn();
    render(<NumberField id="f-days" label="Days" min={1} max={365} value="" onChange={onChange} />);

    const input = screen.getByLabelText("Days");
    expect(input).toHaveAttribute("type", "number");
    expect(input).toHaveAttribute("min", "1");
    expect(input).toHaveAttribute("max", "365");
    await userEvent.type(input, "4");
    expect(onChange).toHaveBeenLastCalledWith("4");
  });

  it("render a text area and a select the same way", async () => {
    const onNotes = vi.fn();
    const onKind = vi.fn();
    render(
      <>
        <TextAreaField id="f-notes" label="Notes" errors={["is too long."]} rows={3} value="" onChange={onNotes} />
        <SelectField id="f-kind" label="Kind" value="a" onChange={onKind}>
          <option value="a">A</option>
          <option value="b">B</option>
        </SelectField>
      </>,
    );

    expect(screen.getByLabelText("Notes").tagName).toBe("TEXTAREA");
    expect(screen.getByLabelText("Notes")).toHaveAccessibleDescription("Notes is too long.");
    await userEvent.type(screen.getByLabelText("Notes"), "x");
    expect(onNotes).toHaveBeenCalledWith("x");
    await userEvent.selectOptions(screen.getByLabelText("Kind"), "B");
    expect(onKind).toHaveBeenCalledWith("b");
  });
});
