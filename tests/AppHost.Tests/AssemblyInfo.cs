// These tests are about the AppHost on Linux: Postgres run as the postgres user, folder modes, DCP's processes.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
