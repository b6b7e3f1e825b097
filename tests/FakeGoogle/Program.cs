using AgentCalls.FakeGoogle;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddFakeGoogle(builder.Configuration);

var app = builder.Build();
app.MapFakeGoogle();
app.Run();
