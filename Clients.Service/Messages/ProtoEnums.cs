using AgentCalls.Clients.Service.Clients;
using AgentCalls.Clients.Service.Policies;
using Proto = AgentCalls.Contracts.Clients.V1;

namespace AgentCalls.Clients.Service.Messages;

/// <summary>
/// The contract's enums to the model's and back. A gRPC caller can send a number the contract does not name;
/// those map to null, for the caller to report as a field violation.
/// </summary>
public static class ProtoEnums
{
    public static PhoneType? ToPhoneType(Proto.PhoneType type) => type switch
    {
        Proto.PhoneType.Unspecified or Proto.PhoneType.Other => PhoneType.Other,
        Proto.PhoneType.Mobile => PhoneType.Mobile,
        Proto.PhoneType.Home => PhoneType.Home,
        Proto.PhoneType.Work => PhoneType.Work,
        _ => null,
    };

    public static Proto.PhoneType ToProto(PhoneType type) => type switch
    {
        PhoneType.Mobile => Proto.PhoneType.Mobile,
        PhoneType.Home => Proto.PhoneType.Home,
        PhoneType.Work => Proto.PhoneType.Work,
        _ => Proto.PhoneType.Other,
    };

    public static RecordingConsent? ToConsent(Proto.RecordingConsent consent) => consent switch
    {
        Proto.RecordingConsent.Unspecified => RecordingConsent.Unknown,
        Proto.RecordingConsent.Granted => RecordingConsent.Granted,
        Proto.RecordingConsent.Declined => RecordingConsent.Declined,
        _ => null,
    };

    public static Proto.RecordingConsent ToProto(RecordingConsent consent) => consent switch
    {
        RecordingConsent.Granted => Proto.RecordingConsent.Granted,
        RecordingConsent.Declined => Proto.RecordingConsent.Declined,
        _ => Proto.RecordingConsent.Unspecified,
    };

    /// <summary>Null for UNSPECIFIED and for numbers the contract does not name.</summary>
    public static LineOfBusiness? ToLineOfBusiness(Proto.LineOfBusiness line) => ByName<Proto.LineOfBusiness, LineOfBusiness>(line);

    public static Proto.LineOfBusiness ToProto(LineOfBusiness line) => Enum.Parse<Proto.LineOfBusiness>(line.ToString());

    /// <summary>Null for UNSPECIFIED and for numbers the contract does not name.</summary>
    public static PolicyStatus? ToPolicyStatus(Proto.PolicyStatus status) => ByName<Proto.PolicyStatus, PolicyStatus>(status);

    public static Proto.PolicyStatus ToProto(PolicyStatus status) => Enum.Parse<Proto.PolicyStatus>(status.ToString());

    // The generated enums name their values like the model's (AUTO → Auto), plus Unspecified.
    private static TModel? ByName<TProto, TModel>(TProto value) where TProto : struct, Enum where TModel : struct, Enum =>
        Enum.IsDefined(value) && Enum.TryParse<TModel>(value.ToString(), out var model) ? model : null;
}
