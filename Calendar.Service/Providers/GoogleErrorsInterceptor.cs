using AgentCalls.Calendar.Service.Google;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace AgentCalls.Calendar.Service.Providers;

/// <summary>
/// Gives every call that reached Google an answer the caller can act on (<see cref="CalendarErrors"/>) when Google's
/// access or Google itself said no, rather than the Unknown of an unhandled exception.
/// </summary>
public sealed class GoogleErrorsInterceptor : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(request, context);
        }
        catch (GoogleAccessUnavailableException e)
        {
            throw CalendarErrors.From(e);
        }
        catch (GoogleApiException e)
        {
            throw CalendarErrors.From(e);
        }
    }
}
