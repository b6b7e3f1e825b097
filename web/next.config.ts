import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // scripts/build-images.sh asks for the standalone build (server.js with only the node_modules it needs) for the
  // web app's image, in a folder of its own; `next start` (run.sh, the browser tests) serves the ordinary one.
  ...(process.env.AGENTCALLS_WEB_OUTPUT === "standalone" ? { output: "standalone", distDir: ".next-standalone" } : {}),
};

export default nextConfig;
