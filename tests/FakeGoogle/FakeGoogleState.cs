using System.Security.Cryptography;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace AgentCalls.FakeGoogle;

/// <summary>
/// Everything the fake remembers: accounts, OAuth clients, grants, codes and tokens, what the next
/// authorization should do, and what clients asked of it (so tests can count refreshes and revocations).
/// </summary>
public sealed class FakeGoogleState
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, FakeClient> clients;
    private readonly Dictionary<string, FakeUser> users;
    private readonly Dictionary<string, IssuedCode> codes = [];
    private readonly Dictionary<string, IssuedToken> accessTokens = [];
    private readonly Dictionary<string, IssuedToken> refreshTokens = [];
    private readonly Dictionary<(string Subject, string ClientId), HashSet<string>> grantedScopes = [];
    private readonly List<string> requests = [];
    private NextAuthorization next = new();
    private int tokenFailures;

    public FakeGoogleState(IOptions<FakeGoogleOptions> options)
    {
        clients = options.Value.Clients.ToDictionary(c => c.ClientId);
        users = options.Value.Users.ToDictionary(u => u.Subject);
    }

    /// <summary>How long access tokens last; Google's are one hour (expires_in 3599).</summary>
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromSeconds(3599);

    public FakeClient? FindClient(string? clientId)
    {
        lock (gate)
        {
            return clientId is not null && clients.TryGetValue(clientId, out var client) ? client : null;
        }
    }

    public void AddClient(FakeClient client)
    {
        lock (gate)
        {
            clients[client.ClientId] = client;
        }
    }

    public void AddUser(FakeUser user)
    {
        lock (gate)
        {
            users[user.Subject] = user;
        }
    }

    public FakeUser? FindUser(string subject)
    {
        lock (gate)
        {
            return users.GetValueOrDefault(subject);
        }
    }

    /// <summary>
    /// Who signs in: the account the client hinted at, else the one a test chose, else the first; the one a test chose
    /// even against the hint when it says so (a person who picks another account on Google's chooser).
    /// </summary>
    public FakeUser? ChooseUser(string? loginHint, NextAuthorization taken)
    {
        lock (gate)
        {
            if (taken.OverrideLoginHint && taken.Subject is { } picked)
            {
                return users.GetValueOrDefault(picked);
            }

            return users.Values.FirstOrDefault(u => loginHint is not null && (u.Email.Equals(loginHint, StringComparison.OrdinalIgnoreCase) || u.Subject == loginHint))
                ?? (next.Subject is { } chosen ? users.GetValueOrDefault(chosen) : null)
                ?? users.Values.FirstOrDefault();
        }
    }

    public void SetNextAuthorization(NextAuthorization authorization)
    {
        lock (gate)
        {
            next = authorization;
        }
    }

    /// <summary>What the next authorization does; a denial or a tampered token applies once.</summary>
    public NextAuthorization TakeNextAuthorization()
    {
        lock (gate)
        {
            var current = next;
            next = new NextAuthorization { Subject = current.Subject };
            return current;
        }
    }

    public string IssueCode(IssuedCode code)
    {
        var value = "4/" + NewSecret();
        lock (gate)
        {
            var key = (code.Subject, code.ClientId);
            var scopes = code.IncludeGrantedScopes && grantedScopes.TryGetValue(key, out var earlier) ? [.. earlier, .. code.Scopes] : code.Scopes;
            grantedScopes[key] = [.. scopes];
            codes[value] = code with { Scopes = [.. scopes.Distinct()] };
        }

        return value;
    }

    /// <summary>A code is good once.</summary>
    public IssuedCode? RedeemCode(string code)
    {
        lock (gate)
        {
            return codes.Remove(code, out var issued) ? issued : null;
        }
    }

    /// <summary>Google gives a refresh token with offline access on first consent, or when consent is asked again.</summary>
    public bool HasLiveRefreshToken(string subject, string clientId)
    {
        lock (gate)
        {
            return refreshTokens.Values.Any(t => t.Subject == subject && t.ClientId == clientId && !t.Revoked);
        }
    }

    public string IssueAccessToken(string subject, string clientId, IReadOnlyList<string> scopes, string? refreshToken, DateTimeOffset now)
    {
        var value = "ya29." + NewSecret();
        lock (gate)
        {
            accessTokens[value] = new IssuedToken(subject, clientId, scopes, now + AccessTokenLifetime, refreshToken);
        }

        return value;
    }

    public string IssueRefreshToken(string subject, string clientId, IReadOnlyList<string> scopes)
    {
        var value = "1//" + NewSecret();
        lock (gate)
        {
            refreshTokens[value] = new IssuedToken(subject, clientId, scopes, DateTimeOffset.MaxValue, null);
        }

        return value;
    }

    public IssuedToken? FindRefreshToken(string token)
    {
        lock (gate)
        {
            return refreshTokens.TryGetValue(token, out var issued) && !issued.Revoked ? issued : null;
        }
    }

    public IssuedToken? FindAccessToken(string token, DateTimeOffset now)
    {
        lock (gate)
        {
            return accessTokens.TryGetValue(token, out var issued) && !issued.Revoked && issued.ExpiresAt > now ? issued : null;
        }
    }

    /// <summary>Revoking either token of a grant revokes the grant: its refresh token and every access token from it.</summary>
    public bool Revoke(string token)
    {
        lock (gate)
        {
            requests.Add("revoke");
            var issued = refreshTokens.GetValueOrDefault(token) ?? accessTokens.GetValueOrDefault(token);
            if (issued is null || issued.Revoked)
            {
                return false;
            }

            RevokeGrant(issued.Subject, issued.ClientId);
            return true;
        }
    }

    /// <summary>The account's owner removed the app's access (or Google invalidated it): refreshes now fail with invalid_grant.</summary>
    public void RevokeGrant(string subject, string clientId)
    {
        lock (gate)
        {
            foreach (var token in refreshTokens.Values.Concat(accessTokens.Values).Where(t => t.Subject == subject && t.ClientId == clientId))
            {
                token.Revoked = true;
            }

            grantedScopes.Remove((subject, clientId));
        }
    }

    public void RevokeAllGrantsOf(string subject)
    {
        lock (gate)
        {
            foreach (var clientId in clients.Keys)
            {
                RevokeGrant(subject, clientId);
            }
        }
    }

    /// <summary>Every token value issued to an account, so tests can look for them where they must not be.</summary>
    public string[] TokensIssuedTo(string subject)
    {
        lock (gate)
        {
            return [.. refreshTokens.Concat(accessTokens).Where(t => t.Value.Subject == subject).Select(t => t.Key)];
        }
    }

    /// <summary>The next <paramref name="count"/> token requests fail as Google's token endpoint does when it is down (500).</summary>
    public void FailTokenRequests(int count)
    {
        lock (gate)
        {
            tokenFailures = count;
        }
    }

    public bool TakeTokenFailure()
    {
        lock (gate)
        {
            if (tokenFailures == 0)
            {
                return false;
            }

            tokenFailures--;
            return true;
        }
    }

    public void Record(string request)
    {
        lock (gate)
        {
            requests.Add(request);
        }
    }

    public Dictionary<string, int> RequestCounts()
    {
        lock (gate)
        {
            return requests.GroupBy(r => r).ToDictionary(g => g.Key, g => g.Count());
        }
    }

    private static string NewSecret() => WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
}

/// <summary>What the next visit to the authorization endpoint does (set by tests through the control API).</summary>
public sealed record NextAuthorization
{
    /// <summary>The account that signs in when the client gives no login hint.</summary>
    public string? Subject { get; init; }

    /// <summary>The person picks <see cref="Subject"/> on the account chooser whatever account the client hinted at (once).</summary>
    public bool OverrideLoginHint { get; init; }

    /// <summary>The account owner presses "Cancel" on the consent screen.</summary>
    public bool Deny { get; init; }

    /// <summary>How the id_token of the resulting code is spoiled, to prove clients check it.</summary>
    public IdTokenTampering IdToken { get; init; }
}

public enum IdTokenTampering
{
    None,
    BadSignature,
    WrongNonce,
    WrongAudience,
}

public sealed record IssuedCode(
    string ClientId, string RedirectUri, string Subject, IReadOnlyList<string> Scopes, string? Nonce,
    string? CodeChallenge, string? CodeChallengeMethod, bool Offline, bool ConsentPrompted, bool IncludeGrantedScopes,
    IdTokenTampering Tampering, DateTimeOffset ExpiresAt);

public sealed record IssuedToken(string Subject, string ClientId, IReadOnlyList<string> Scopes, DateTimeOffset ExpiresAt, string? RefreshToken)
{
    public bool Revoked { get; set; }
}
