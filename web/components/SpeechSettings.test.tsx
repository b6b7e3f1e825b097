import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { requestsTo, routeFetch } from "@/testing/gateway";
import { jsonResponse, problemResponse } from "@/testing/responses";
import { SpeechSettings } from "./SpeechSettings";

const fetchMock = vi.fn<typeof fetch>();

beforeEach(() => {
  vi.stubGlobal("fetch", fetchMock);
});

const onTheDefault = {
  settings: { engine: "", engineInUse: "pocketsphinx", availableEngines: ["groq", "pocketsphinx"], defaultEngine: "pocketsphinx" },
};
const usage = { monthAudioSeconds: 750, monthlyLimitSeconds: 36000, engine: "pocketsphinx" };

describe("Speech to text settings", () => {
  it("shows the engine in use and the month's usage against the limit", async () => {
    routeFetch(fetchMock, {
      "GET /api/transcription/settings": () => jsonResponse(onTheDefault),
      "GET /api/transcription/usage": () => jsonResponse(usage),
    });

    render(<SpeechSettings />);

    expect(await screen.findByText("PocketSphinx (on this server)", { selector: "strong" })).toBeInTheDocument();
    expect(screen.getByText("This month: 12.5 of 600 minutes of audio transcribed.")).toBeInTheDocument();
    expect(screen.getByRole("combobox", { name: "Speech engine" })).toHaveValue("");
  });

  it("saves the engine the agent picks and shows it in use", async () => {
    const requests = routeFetch(fetchMock, {
      "GET /api/transcription/settings": () => jsonResponse(onTheDefault),
      "GET /api/transcription/usage": () => jsonResponse({ monthAudioSeconds: 0 }),
      "PUT /api/transcription/settings": () =>
        jsonResponse({ settings: { ...onTheDefault.settings, engine: "groq", engineInUse: "groq" } }),
    });
    render(<SpeechSettings />);

    await userEvent.selectOptions(await screen.findByRole("combobox", { name: "Speech engine" }), "groq");
    await userEvent.click(screen.getByRole("button", { name: "Save engine" }));

    expect(await screen.findByText("Saved. Your next call uses it.")).toBeInTheDocument();
    expect(screen.getByText("Groq Whisper (cloud)", { selector: "strong" })).toBeInTheDocument();
    expect(screen.getByText("This month: 0 minutes of audio transcribed (no monthly limit).")).toBeInTheDocument();
    expect(requestsTo(requests, "PUT", "/api/transcription/settings").map((r) => r.body)).toEqual([{ engine: "groq" }]);
  });

  it("shows the API's reason beside the field when the engine is refused", async () => {
    routeFetch(fetchMock, {
      "GET /api/transcription/settings": () => jsonResponse(onTheDefault),
      "GET /api/transcription/usage": () => jsonResponse(usage),
      "PUT /api/transcription/settings": () =>
        problemResponse({
          title: "The request is not valid: engine.",
          status: 400,
          errors: { engine: ["'groq' is not configured on this deployment; it offers: pocketsphinx."] },
        }),
    });
    render(<SpeechSettings />);

    await userEvent.selectOptions(await screen.findByRole("combobox", { name: "Speech engine" }), "groq");
    await userEvent.click(screen.getByRole("button", { name: "Save engine" }));

    expect(await screen.findByText(/'groq' is not configured on this deployment/)).toBeInTheDocument();
    expect(screen.getByRole("combobox", { name: "Speech engine" })).toHaveAttribute("aria-invalid", "true");
  });
});
