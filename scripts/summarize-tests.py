#!/usr/bin/env python3
"""Sums the test reports of one test run (xunit CTRF for .NET, Vitest JSON for the web app) into the
single line CI reads: "N passed, N failed, N skipped". A run that failed without a report (a crash, a
build error, a system that did not start) counts as one failed test, so it can never pass silently."""
import glob
import json
import os
import sys

results = sys.argv[1]
passed = failed = skipped = 0

for path in glob.glob(os.path.join(results, "dotnet", "*.ctrf")):
    summary = json.load(open(path))["results"]["summary"]
    passed += summary["passed"]
    failed += summary["failed"] + summary.get("other", 0)
    skipped += summary["skipped"] + summary.get("pending", 0)

for name in ("web-unit", "web-browser"):
    path = os.path.join(results, name + ".json")
    if os.path.exists(path):
        report = json.load(open(path))
        passed += report["numPassedTests"]
        failed += report["numFailedTests"]
        skipped += report.get("numPendingTests", 0) + report.get("numTodoTests", 0)

for run, report_glob in (("dotnet", "dotnet/*.ctrf"), ("web-unit", "web-unit.json"), ("web-browser", "web-browser.json")):
    exit_path = os.path.join(results, run + ".exit")
    exit_code = int(open(exit_path).read().strip() or 1) if os.path.exists(exit_path) else 1
    reported_failure = any(True for _ in glob.glob(os.path.join(results, report_glob)))
    if exit_code != 0 and (not reported_failure or failed == 0):
        print(f"{run}: exited {exit_code} without reporting the failure; counted as one failed test.", file=sys.stderr)
        failed += 1

print(f"{passed} passed, {failed} failed, {skipped} skipped")
