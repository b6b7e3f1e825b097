import { describe, expect, it } from "vitest";
import { textFields } from "./text-fields";

describe("textFields", () => {
  it("gives a field its value, its errors, and a change that sets only its key", () => {
    const values = { name: "Ann", city: "Austin", tags: ["vip"] };
    const changes: [string, unknown][] = [];
    const field = textFields(values, (key, value) => changes.push([key, value]), { city: ["is required."] });

    expect(field("name")).toMatchObject({ value: "Ann", errors: undefined });
    const city = field("city");
    expect(city).toMatchObject({ value: "Austin", errors: ["is required."] });
    city.onChange("Boston");
    expect(changes).toEqual([["city", "Boston"]]);
  });
});
