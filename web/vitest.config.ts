import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vitest/config";

export default defineConfig({
  plugins: [react()],
  resolve: {
    alias: { "@": fileURLToPath(new URL(".", import.meta.url)) },
  },
  test: {
    environment: "jsdom",
    include: ["{app,components,lib}/**/*.test.{ts,tsx}"],
    setupFiles: ["./vitest.setup.ts"],
    // The long forms' tests type into dozens of fields in jsdom, on machines shared with other builds.
    testTimeout: 15_000,
    hookTimeout: 15_000,
    mockReset: true,
    restoreMocks: true,
    unstubGlobals: true,
  },
});
