#!/usr/bin/env python3
"""Sums the test reports of one test run into the single line CI reads: "N passed, N failed, N skipped".

Usage: summarize-tests.py RESULTS [REPO]. RESULTS holds what the test scripts left:
  dotnet/<P>.ctrf          xunit's CTRF report of each .NET test module that finished, named after its project
  dotnet-list/<P>.txt      each test project's own list of its tests (xunit's `-list tests`), made before the run
  dotnet.exit, web-unit.exit, web-browser.exit, summariser.exit   each run's exit code
  web-unit.json, web-browser.json                                  Vitest's JSON reports
  summariser.json          the summariser's own tests (scripts/test_summarize_tests.py)

Nothing that should have run may vanish from the totals: a test listed by its project but absent from every report
(its module crashed, hung past its timeout, or never started) counts as failed, by name; a test project on disk that
could not be listed counts one failure; a web test file on disk that Vitest did not report counts one failure; a file
Vitest failed as a whole (its import, a beforeAll or afterAll) counts every test of it that did not pass as failed;
and a run that exited non-zero without any failure to show for it counts one. Failed and skipped tests are listed
by name above the closing line, and below them the first few distinct messages they failed with, shortened."""
import glob
import json
import os
import re
import sys

WEB_SKIP_STATUSES = ("pending", "skipped", "todo", "disabled")


REASONS_SHOWN = 3
REASON_LINES = 8
REASON_WIDTH = 200
STACK_FRAME = re.compile(r"^\s*(at |--- End of )")


class Tally:
    def __init__(self):
        self.passed = self.failed = self.skipped = 0
        self.failures = []
        self.skips = []
        self.reasons = {}  # a failure message -> how many failed with it, in the order first seen

    def fail(self, name, message=None):
        self.failed += 1
        self.failures.append(name)
        if message and message.strip():
            self.reasons[message] = self.reasons.get(message, 0) + 1

    def skip(self, name):
        self.skipped += 1
        self.skips.append(name)

    def lines(self):
        return ([f"FAILED  {name}" for name in self.failures] + [f"SKIPPED {name}" for name in self.skips]
                + self.reason_lines() + [f"{self.passed} passed, {self.failed} failed, {self.skipped} skipped"])

    def reason_lines(self):
        """The first few distinct failure messages, shortened, just above the closing line: CI shows only the end of
        the log, and a fixture's failure (all its class's tests fail with one message) is otherwise lost there."""
        lines = []
        for message, count in list(self.reasons.items())[:REASONS_SHOWN]:
            lines.append(f"WHY     {count} of the failures: " + "\n        ".join(shorten(message)))
        if len(self.reasons) > REASONS_SHOWN:
            lines.append(f"WHY     and {len(self.reasons) - REASONS_SHOWN} other failure message(s)")
        return lines


def shorten(message):
    """A failure message in at most REASON_LINES lines: its first two (a fixture's failure has xunit's own line
    first), then its last, without stack frames."""
    lines = [ANSI_ESCAPE.sub("", line).rstrip() for line in message.strip().splitlines()]
    lines = [line[:REASON_WIDTH] for line in lines if line.strip() and not STACK_FRAME.match(line)]
    if len(lines) > REASON_LINES:
        lines = lines[:2] + ["..."] + lines[-(REASON_LINES - 3):]
    return lines


def read_json(path):
    try:
        with open(path, encoding="utf-8") as file:
            return json.load(file)
    except (OSError, ValueError):
        return None


def exit_code(results, run):
    """A run's exit code; a run that left none (it was killed, or never started) counts as failed."""
    try:
        with open(os.path.join(results, run + ".exit"), encoding="utf-8") as file:
            return int(file.read().strip())
    except (OSError, ValueError):
        return 1


def dotnet_test_projects(repo):
    """Every project under tests/ that references xunit.v3, whatever its name and whether or not the solution has it."""
    projects = []
    for path in sorted(glob.glob(os.path.join(repo, "tests", "*", "*.csproj"))):
        with open(path, encoding="utf-8") as file:
            if re.search(r'<PackageReference\s+Include="xunit\.v3"', file.read()):
                projects.append(os.path.splitext(os.path.basename(path))[0])
    return projects


ANSI_ESCAPE = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")


def listed_tests(results, project):
    """The tests a project lists (xunit's `-list tests`: a banner, then one test per line), or None if it listed none."""
    try:
        with open(os.path.join(results, "dotnet-list", project + ".txt"), encoding="utf-8") as file:
            # The runner colours its output even into a file: its closing reset code is no test.
            lines = [ANSI_ESCAPE.sub("", line).strip() for line in file]
    except OSError:
        return None
    names = [line for line in lines if line and not line.startswith("xUnit.net")]
    return names or None


def reported_as(listed, reported):
    """A listed test is reported under its own name, or, for a theory listed once, as its rows "Name(...)"."""
    return listed in reported or any(name.startswith(listed + "(") for name in reported)


def count_dotnet(results, repo, tally):
    reported = {}
    for path in sorted(glob.glob(os.path.join(results, "dotnet", "*.ctrf"))):
        report = read_json(path)
        if report is None:
            tally.fail(f"dotnet: {os.path.basename(path)} is not a readable CTRF report")
            continue
        for test in report["results"]["tests"]:
            name, status = test["name"], test["status"]
            reported[name] = status
            if status == "passed":
                tally.passed += 1
            elif status in ("skipped", "pending"):
                tally.skip(f"dotnet: {name}" + (f" ({test['message']})" if test.get("message") else ""))
            else:
                tally.fail(f"dotnet: {name}", test.get("message"))

    for project in dotnet_test_projects(repo):
        listed = listed_tests(results, project)
        if listed is None:
            tally.fail(f"dotnet: {project} could not list its tests (not built, or not in the solution?)")
            continue
        for name in listed:
            if not reported_as(name, reported):
                tally.fail(f"dotnet: {project}: {name} did not report (its module crashed, timed out or did not run)")


def web_test_files(repo, browser):
    web = os.path.join(repo, "web")
    if browser:
        return {os.path.relpath(path, web) for path in glob.glob(os.path.join(web, "e2e", "*.e2e.test.ts"))}
    files = set()
    for root, dirs, names in os.walk(web):
        dirs[:] = [d for d in dirs if d not in ("node_modules", ".next", "e2e")] if root == web else \
            [d for d in dirs if d != "node_modules"]
        files.update(os.path.relpath(os.path.join(root, name), web) for name in names if re.search(r"\.test\.tsx?$", name))
    return files


def count_vitest(results, repo, run, browser, tally):
    report = read_json(os.path.join(results, run + ".json"))
    reported_files = set()
    for file in (report or {}).get("testResults", []):
        path = os.path.relpath(file["name"], os.path.join(repo, "web")) if os.path.isabs(file["name"]) else file["name"]
        reported_files.add(path)
        tests = file.get("assertionResults", [])
        # A file failed as a whole (its import, a beforeAll or afterAll threw): its tests did not pass, whatever
        # Vitest calls them, and a file with no test that failed still failed once.
        failed_whole = file.get("status") == "failed" and (file.get("message") or not any(t["status"] == "failed" for t in tests))
        failed_here = 0
        for test in tests:
            name = f"{run}: {path} > {test.get('fullName') or test['title']}"
            if test["status"] == "passed":
                tally.passed += 1
            elif test["status"] in WEB_SKIP_STATUSES and not failed_whole:
                tally.skip(name)
            else:
                tally.fail(name, next(iter(test.get("failureMessages") or []), None))
                failed_here += 1
        if failed_whole and failed_here == 0:
            message = (file.get("message") or "failed outside its tests").strip().splitlines()[0]
            tally.fail(f"{run}: {path}: {message}", file.get("message"))

    for path in sorted(web_test_files(repo, browser) - reported_files):
        tally.fail(f"{run}: {path} was not run (outside the Vitest config's include, or the run stopped before it)")


def count_self_tests(results, tally):
    report = read_json(os.path.join(results, "summariser.json"))
    if report is None:
        return
    tally.passed += report["passed"]
    for name in report["failures"]:
        tally.fail(f"summariser: {name}")


def summarize(results, repo):
    tally = Tally()
    count_dotnet(results, repo, tally)
    count_vitest(results, repo, "web-unit", False, tally)
    count_vitest(results, repo, "web-browser", True, tally)
    count_self_tests(results, tally)
    for run in ("dotnet", "web-unit", "web-browser", "summariser"):
        code = exit_code(results, run)
        if code != 0 and not any(name.startswith(run) for name in tally.failures):
            tally.fail(f"{run}: exited {code} without reporting a failure")
    return tally


if __name__ == "__main__":
    repo = sys.argv[2] if len(sys.argv) > 2 else os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
    print("\n".join(summarize(sys.argv[1], repo).lines()))
