using System.Text;

namespace AgentCalls.Clients.Tests;

/// <summary>
/// A book as an agency management system exports it: "Last, First" names, one person on several rows, two different
/// John Smiths, "$1,284.00" premiums, phone extensions, abbreviated date headers in mixed formats, lines of business
/// and statuses of its own, a lapsed policy without its date and accented names; written as spreadsheets save it.
/// </summary>
public static class AgencyExports
{
    public const string Header = "Insured Name,Cust #,Email Address,Home Phone,Cell #,Address,City,ST,Zip,Pol #,Company,LOB,Status,Prem,Eff. Dt,Exp Date";

    public static readonly string Book = string.Join("\r\n",
        Header,
        "\"Álvarez, José\",A-100,jose.alvarez@example.com,(312) 555-0142 x204,,1420 W Peña Ave,Chicago,IL,60601,AU-7781,Progressive,Personal Auto,Active,\"$1,284.00\",01/15/2026,2027-01-15",
        "\"Álvarez, José\",A-100,jose.alvarez@example.com,(312) 555-0142 x204,,1420 W Peña Ave,Chicago,IL,60601,HO-2290,Travelers,Homeowners,Active,\"$2,010.50\",3/1/26,3/1/27",
        "\"Smith, John\",B-200,john.smith@example.com,,(217) 555-0100,12 Oak St,Springfield,IL,62701,CP-5001,Hartford,Commercial Package,In Force,\"$12,400.00\",1-Feb-2026,02/01/2027",
        "\"Smith, John\",C-300,jsmith77@example.com,,(773) 555-0199,900 Elm Ave,Chicago,IL,60614,MC-3001,Dairyland,Motorcycle,Active,$389.00,4/10/2026,4/10/2027",
        "\"Müller, Zoë\",D-400,zoe.muller@example.com,,(847) 555-0123,5 Birch Ln,Evanston,IL,60201,BT-1,Foremost,Boat,Lapsed,$450.00,6/1/2025,6/1/2026",
        "\"=Ortiz, Renée\",E-500,renee.ortiz@example.com,(630) 555-0177,,77 Lake Dr,Naperville,IL,60540,,,,,,,",
        "\"O'Brien, Siobhán\",F-600,siobhan@example.com,,(708) 555-0160,3 Côte Rd,Oak Park,IL,60302,FL-9,Neptune,Flood,Pending Cancel,$700.00,2026-05-01,2027-05-01",
        "");

    /// <summary>The clients the book holds, by name as listed.</summary>
    public static readonly string[] ClientNames =
        ["=Ortiz, Renée", "Álvarez, José", "Müller, Zoë", "O'Brien, Siobhán", "Smith, John", "Smith, John"];

    public static Encoding Windows1252 => CodePagesEncodingProvider.Instance.GetEncoding(1252)!;

    /// <summary>The book saved as "CSV" by a spreadsheet on Windows: Windows-1252, no byte order mark.</summary>
    public static byte[] InWindows1252(string csv = "") => Windows1252.GetBytes(csv.Length > 0 ? csv : Book);

    /// <summary>The book saved as "Unicode text": UTF-16 little-endian with its byte order mark.</summary>
    public static byte[] InUtf16(string csv) => [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(csv)];
}
