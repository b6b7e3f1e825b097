// Publishing and the Bicep CLI are Linux x64 here (Azure.Bicep.CommandLine.linux-x64).
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
