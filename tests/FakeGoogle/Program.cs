using AgentCalls.FakeGoogle;
using AgentCalls.FakeGoogle.Calendar;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddFakeGoogle(builder.Configuration);

var app = builder.Build();
app.UseCalendarFaults();
app.MapFakeGoogle();
app.Run();
