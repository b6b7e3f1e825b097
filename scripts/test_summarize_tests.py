#!/usr/bin/env python3
"""Tests of summarize-tests.py: each builds a small repository and the reports one run would leave, and reads the
summary. Run alone (`python3 scripts/test_summarize_tests.py`), or with a path to write the counts the summariser adds
to the closing line: `python3 scripts/test_summarize_tests.py RESULTS/summariser.json`."""
import importlib.util
import json
import os
import sys
import tempfile
import unittest

_spec = importlib.util.spec_from_file_location("summarize_tests", os.path.join(os.path.dirname(os.path.abspath(__file__)), "summarize-tests.py"))
summarize_tests = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(summarize_tests)

XUNIT_PROJECT = '<Project Sdk="Microsoft.NET.Sdk"><ItemGroup><PackageReference Include="xunit.v3" /></ItemGroup></Project>'
LIBRARY_PROJECT = '<Project Sdk="Microsoft.NET.Sdk"><ItemGroup><PackageReference Include="xunit.v3.assert" /></ItemGroup></Project>'


class Run:
    """A repository with test projects and web test files, and the results folder of one run over it."""

    def __init__(self):
        self._temp = tempfile.TemporaryDirectory()
        self.repo = os.path.join(self._temp.name, "repo")
        self.results = os.path.join(self._temp.name, "results")
        for run in ("dotnet", "web-unit", "web-browser", "summariser"):
            self.write(os.path.join(self.results, run + ".exit"), "0")

    def close(self):
        self._temp.cleanup()

    @staticmethod
    def write(path, text):
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as file:
            file.write(text)

    def project(self, name, listed, body=XUNIT_PROJECT):
        self.write(os.path.join(self.repo, "tests", name, name + ".csproj"), body)
        if listed is not None:
            self.write(os.path.join(self.results, "dotnet-list", name + ".txt"),
                       "xUnit.net v3 In-Process Runner v4.0.2 (64-bit .NET 10.0.12)\n\n" + "".join(f"{t}\n" for t in listed))

    def ctrf(self, module, tests):
        """tests: (name, status) or (name, status, message)."""
        report = {"results": {"tool": {"name": "xUnit.net v3"}, "summary": {}, "tests": [
            {"name": test[0], "status": test[1], "duration": 1} | ({"message": test[2]} if len(test) > 2 else {}) for test in tests]}}
        self.write(os.path.join(self.results, "dotnet", module + ".ctrf"), json.dumps(report))

    def web_file(self, path):
        self.write(os.path.join(self.repo, "web", path), "")

    def vitest(self, run, files):
        """files: (path under web/, file status, message, [(title, status)])."""
        report = {"testResults": [{
            "name": os.path.join(self.repo, "web", path), "status": status, "message": message,
            "assertionResults": [{"title": title, "fullName": title, "status": s, "failureMessages": []} for title, s in tests],
        } for path, status, message, tests in files]}
        self.write(os.path.join(self.results, run + ".json"), json.dumps(report))

    def exit(self, run, code):
        self.write(os.path.join(self.results, run + ".exit"), str(code))

    def summary(self):
        return summarize_tests.summarize(self.results, self.repo)


class SummarizeTestsTests(unittest.TestCase):
    def setUp(self):
        self.run = Run()
        self.addCleanup(self.run.close)

    def test_everything_reported_and_passing_is_counted_and_closes_with_the_ci_line(self):
        self.run.project("A.Tests", ["A.One", "A.Two"])
        self.run.ctrf("A", [("A.One", "passed"), ("A.Two", "passed")])
        self.run.web_file("lib/x.test.ts")
        self.run.vitest("web-unit", [("lib/x.test.ts", "passed", "", [("x", "passed")])])

        tally = self.run.summary()

        self.assertEqual("3 passed, 0 failed, 0 skipped", tally.lines()[-1])

    def test_crashed_module_counts_each_of_its_tests_failed_even_when_another_module_failed(self):
        self.run.project("A.Tests", ["A.One"])
        self.run.project("B.Tests", ["B.One", "B.Two", "B.Three"])
        self.run.ctrf("A", [("A.One", "failed")])
        self.run.exit("dotnet", 1)

        tally = self.run.summary()

        self.assertEqual((0, 4), (tally.passed, tally.failed))
        self.assertEqual(3, sum("B.Tests: B." in name and "did not report" in name for name in tally.failures))

    def test_partial_report_counts_the_tests_that_did_not_finish_as_failed_by_name(self):
        self.run.project("A.Tests", ["A.One", "A.Hangs", "A.Three"])
        self.run.ctrf("A", [("A.One", "passed")])
        self.run.exit("dotnet", 1)

        tally = self.run.summary()

        self.assertEqual((1, 2), (tally.passed, tally.failed))
        self.assertTrue(any("A.Hangs" in name for name in tally.failures))

    def test_theory_listed_once_and_reported_by_row_is_not_missing(self):
        self.run.project("A.Tests", ["A.Theory"])
        self.run.ctrf("A", [('A.Theory(zone: "Europe/London")', "passed"), ('A.Theory(zone: "America/New_York")', "passed")])

        self.assertEqual("2 passed, 0 failed, 0 skipped", self.run.summary().lines()[-1])

    def test_test_project_that_could_not_be_listed_fails_once_whatever_its_name_and_libraries_are_not_test_projects(self):
        self.run.project("Drills", None)
        self.run.project("TestSupport", None, body=LIBRARY_PROJECT)

        tally = self.run.summary()

        self.assertEqual(1, tally.failed)
        self.assertIn("Drills", tally.failures[0])

    def test_skipped_tests_are_listed_by_name(self):
        self.run.project("A.Tests", ["A.Skipped"])
        self.run.ctrf("A", [("A.Skipped", "skipped")])
        self.run.web_file("lib/x.test.ts")
        self.run.vitest("web-unit", [("lib/x.test.ts", "passed", "", [("x later", "skipped")])])

        lines = self.run.summary().lines()

        self.assertIn("SKIPPED dotnet: A.Skipped", lines)
        self.assertIn("SKIPPED web-unit: lib/x.test.ts > x later", lines)
        self.assertEqual("0 passed, 0 failed, 2 skipped", lines[-1])

    def test_vitest_before_all_that_threw_counts_the_tests_it_skipped_as_failed(self):
        self.run.web_file("lib/hook.test.ts")
        # What Vitest 4 writes when a describe's beforeAll throws: the file failed, its tests "skipped", no message.
        self.run.vitest("web-unit", [("lib/hook.test.ts", "failed", "", [("group a", "skipped"), ("group b", "skipped"), ("outside", "passed")])])
        self.run.exit("web-unit", 1)

        tally = self.run.summary()

        self.assertEqual((1, 2, 0), (tally.passed, tally.failed, tally.skipped))

    def test_vitest_file_that_failed_outside_its_tests_fails_once_by_name(self):
        self.run.web_file("lib/import.test.ts")
        self.run.web_file("lib/after.test.ts")
        self.run.vitest("web-unit", [
            ("lib/import.test.ts", "failed", "Cannot find module './gone'", []),
            ("lib/after.test.ts", "failed", "teardown broke", [("fine", "passed")]),
        ])
        self.run.exit("web-unit", 1)

        tally = self.run.summary()

        self.assertEqual((1, 2), (tally.passed, tally.failed))
        self.assertIn("web-unit: lib/import.test.ts: Cannot find module './gone'", tally.failures)

    def test_web_test_files_vitest_did_not_report_fail_by_name(self):
        self.run.web_file("lib/x.test.ts")
        self.run.web_file("hooks/forgotten.test.tsx")
        self.run.web_file("e2e/signin.e2e.test.ts")
        self.run.vitest("web-unit", [("lib/x.test.ts", "passed", "", [("x", "passed")])])
        self.run.exit("web-browser", 1)

        tally = self.run.summary()

        self.assertEqual(2, tally.failed)
        self.assertTrue(any("hooks/forgotten.test.tsx" in name for name in tally.failures))
        self.assertTrue(any("web-browser: e2e/signin.e2e.test.ts" in name for name in tally.failures))

    def test_message_a_fixture_failed_its_tests_with_is_shown_once_shortened_just_above_the_closing_line(self):
        message = ("System.InvalidOperationException : Stopped before it was ready (container, exit code): smoke-gateway 139\n"
                   + "".join(f"log line {i}\n" for i in range(20))
                   + "Unhandled exception. System.IO.IOException: Failed to bind to address http://[::]:23456\n"
                   + "   at Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerImpl.StartAsync()\n"
                   + "--- End of stack trace from previous location ---\n")
        self.run.project("A.Tests", ["A.One", "A.Two", "A.Three"])
        self.run.ctrf("A", [("A.One", "failed", message), ("A.Two", "failed", message), ("A.Three", "failed", message)])
        self.run.exit("dotnet", 1)

        lines = self.run.summary().lines()

        why = [line for line in lines if line.startswith("WHY")]
        self.assertEqual(1, len(why))
        self.assertEqual(lines[-2], why[0])
        shown = why[0].splitlines()
        self.assertTrue(shown[0].startswith("WHY     3 of the failures: System.InvalidOperationException : Stopped before"))
        self.assertIn("Failed to bind to address", shown[-1])
        self.assertLessEqual(len(shown), 8)
        self.assertFalse(any(" at Microsoft" in line or "End of stack trace" in line for line in shown))
        self.assertEqual("0 passed, 3 failed, 0 skipped", lines[-1])

    def test_only_the_first_three_distinct_failure_messages_are_shown(self):
        self.run.project("A.Tests", [f"A.T{i}" for i in range(5)])
        self.run.ctrf("A", [(f"A.T{i}", "failed", f"reason {i}") for i in range(5)])
        self.run.web_file("lib/x.test.ts")
        self.run.vitest("web-unit", [("lib/x.test.ts", "failed", "", [("x", "failed")])])

        lines = self.run.summary().lines()

        self.assertEqual(["WHY     1 of the failures: reason 0", "WHY     1 of the failures: reason 1",
                          "WHY     1 of the failures: reason 2", "WHY     and 2 other failure message(s)"],
                         [line for line in lines if line.startswith("WHY")])
        self.assertEqual("0 passed, 6 failed, 0 skipped", lines[-1])

    def test_run_that_exited_non_zero_with_nothing_failed_fails_once(self):
        self.run.exit("web-unit", 2)

        self.assertEqual("0 passed, 1 failed, 0 skipped", self.run.summary().lines()[-1])


if __name__ == "__main__":
    result = unittest.main(argv=sys.argv[:1], exit=False, verbosity=1).result
    if len(sys.argv) > 1:
        failures = [test.id() for test, _ in result.failures + result.errors]
        Run.write(sys.argv[1], json.dumps({"passed": result.testsRun - len(failures), "failures": failures}))
    sys.exit(0 if result.wasSuccessful() else 1)
