using System.ComponentModel.DataAnnotations;

namespace AgentCalls.ServiceDefaults;

/// <summary>
/// The data annotations of settings nested in an options class (a dictionary's values, a sub-object such as a circuit):
/// <c>ValidateDataAnnotations</c> checks only the top level, so these are checked with it through <c>Validate</c>.
/// </summary>
public static class NestedOptions
{
    public static bool AreValid(params object[] settings) =>
        settings.All(value => Validator.TryValidateObject(value, new ValidationContext(value), null, validateAllProperties: true));
}
