using AgentCalls.Contracts.Clients.V1;
using AgentCalls.Clients.Service.Import.Mapping;

namespace AgentCalls.Clients.Tests;

/// <summary>The headers agency systems write are recognised from the list kept as data.</summary>
public sealed class ImportColumnsTests
{
    [Theory]
    [InlineData("Eff Date", ImportField.EffectiveDate)]
    [InlineData("Effective", ImportField.EffectiveDate)]
    [InlineData("Eff. Dt", ImportField.EffectiveDate)]
    [InlineData("Term Start", ImportField.EffectiveDate)]
    [InlineData("Inception Date", ImportField.EffectiveDate)]
    [InlineData("Exp Date", ImportField.ExpirationDate)]
    [InlineData("Expiration", ImportField.ExpirationDate)]
    [InlineData("X-Date", ImportField.ExpirationDate)]
    [InlineData("XDATE", ImportField.ExpirationDate)]
    [InlineData("Renewal Date", ImportField.ExpirationDate)]
    [InlineData("Term End", ImportField.ExpirationDate)]
    [InlineData("Cxl Date", ImportField.EndDate)]
    [InlineData("Insured Name", ImportField.Name)]
    [InlineData("Named Insured", ImportField.Name)]
    [InlineData("First Name", ImportField.FirstName)]
    [InlineData("LName", ImportField.LastName)]
    [InlineData("Cell #", ImportField.MobilePhone)]
    [InlineData("Home Ph", ImportField.HomePhone)]
    [InlineData("Bus Phone", ImportField.WorkPhone)]
    [InlineData("Phone", ImportField.OtherPhone)]
    [InlineData("Prem", ImportField.Premium)]
    [InlineData("Written Premium", ImportField.Premium)]
    [InlineData("Writing Company", ImportField.Carrier)]
    [InlineData("Company", ImportField.Carrier)]
    [InlineData("LOB", ImportField.LineOfBusiness)]
    [InlineData("Policy Type", ImportField.LineOfBusiness)]
    [InlineData("Pol #", ImportField.PolicyNumber)]
    [InlineData("Policy No.", ImportField.PolicyNumber)]
    [InlineData("Status", ImportField.PolicyStatus)]
    [InlineData("Cust #", ImportField.ExternalId)]
    [InlineData("ST", ImportField.Region)]
    [InlineData("DOB", ImportField.DateOfBirth)]
    [InlineData("Favourite colour", ImportField.Unspecified)]
    public void Recognize_AgencyHeader_IsItsField(string header, ImportField expected) =>
        Assert.Equal(expected, ImportColumns.Recognize(header));

    [Fact]
    public void KnownHeaders_EveryField_HasHeadersBesidesTheExports()
    {
        var fields = Enum.GetValues<ImportField>().Where(f => f != ImportField.Unspecified);

        Assert.All(fields, field => Assert.NotEmpty(ImportColumns.KnownHeaders.GetValueOrDefault(field) ?? []));
    }

    [Fact]
    public void KnownHeaders_EachOne_IsRecognisedAsItsOwnFieldOnly()
    {
        var listed = ImportColumns.KnownHeaders.SelectMany(known => known.Value.Select(header => (Header: header, Field: known.Key)));

        Assert.All(listed, x => Assert.Equal(x.Field, ImportColumns.Recognize(x.Header)));
    }
}
