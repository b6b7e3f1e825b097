namespace AgentCalls.Identity.Service.SignIn;

/// <summary>Says at startup how agents will sign in, so a missing Google client is noticed at once.</summary>
public sealed partial class SignInMethodsLog(SignInMethods methods, ILogger<SignInMethodsLog> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (methods.Google)
        {
            LogGoogle(logger, methods.DevelopmentSignIn);
        }
        else if (methods.DevelopmentSignIn)
        {
            LogDevelopmentOnly(logger);
        }
        else
        {
            LogNoMethod(logger);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Agents sign in with Google (development sign-in also offered: {Development}).")]
    private static partial void LogGoogle(ILogger logger, bool development);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No Google client is configured (Google:ClientId, Google:ClientSecret): agents sign in with the development sign-in, and Google Calendar cannot be connected.")]
    private static partial void LogDevelopmentOnly(ILogger logger);

    [LoggerMessage(Level = LogLevel.Error, Message = "No sign-in method: configure Google:ClientId and Google:ClientSecret. The development sign-in needs Development and Identity:DevelopmentSignIn=true.")]
    private static partial void LogNoMethod(ILogger logger);
}
