using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;

namespace AgentCalls.ServiceDefaults.Grpc;

/// <summary>
/// Collects what is wrong with a request, field by field, and fails it with InvalidArgument and a
/// <c>google.rpc.BadRequest</c> detail. Field names are the JSON (lowerCamelCase) names the REST face uses.
/// </summary>
public sealed class FieldViolations
{
    private readonly BadRequest badRequest = new();

    public bool IsEmpty => badRequest.FieldViolations.Count == 0;

    public FieldViolations Add(string field, string description)
    {
        badRequest.FieldViolations.Add(new BadRequest.Types.FieldViolation { Field = field, Description = description });
        return this;
    }

    public void ThrowIfAny()
    {
        if (IsEmpty)
        {
            return;
        }

        throw ToStatus().ToRpcException();
    }

    /// <summary>The InvalidArgument status that names the fields collected.</summary>
    public Google.Rpc.Status ToStatus() => new()
    {
        Code = (int)Code.InvalidArgument,
        Message = $"The request is not valid: {string.Join(", ", badRequest.FieldViolations.Select(v => v.Field).Distinct())}.",
        Details = { Any.Pack(badRequest) },
    };

    public static RpcException Single(string field, string description) =>
        new FieldViolations().Add(field, description).ToStatus().ToRpcException();
}
