using AgentCalls.Transcription.Tests;

[assembly: AssemblyFixture(typeof(TranscriptionServiceHost))]
