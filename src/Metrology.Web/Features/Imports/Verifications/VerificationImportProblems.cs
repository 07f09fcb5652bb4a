using System.Globalization;
using Microsoft.Extensions.Localization;

namespace Metrology.Web.Features.Imports.Verifications;

/// <summary>
/// Every reason a verification row can be refused. The name is also the resource key suffix
/// (<c>Imports.Verifications.Error.{name}</c>) and, for the checks done in SQL, the code the staging
/// queries return, so C# and SQL report through one table of messages.
/// </summary>
public enum VerificationImportProblem
{
    Required,
    TooLong,
    TaxCodeInvalid,
    BodyUnknown,
    BodyNotOwn,
    OwnerUnknown,
    TypeUnknown,
    TypeNotInForce,
    DateInvalid,
    DateInFuture,
    DueNotAfterDate,
    KindUnknown,
    ResultUnknown,
    FailNoStamp,
    FailNoCertificate,
    FailNoDueDate,
    NoDesignation,
    DesignationNotActive,
    KindNotInScope,
    CertificateDuplicateInFile,
    CertificateTaken,
    StampDuplicateInFile,
    StampTaken,
    VerificationDuplicateInFile,
    OwnerMismatch,
    OwnerMismatchInFile,
}

/// <summary>
/// The Vietnamese and English text of each problem, looked up once per job: an error file of a million
/// rows must not hit the resource manager twice per row.
/// </summary>
public sealed class VerificationImportMessages
{
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    private readonly Dictionary<VerificationImportProblem, (string Vi, string En)> templates = [];

    public VerificationImportMessages(IStringLocalizer text)
    {
        var saved = CultureInfo.CurrentUICulture;
        try
        {
            foreach (var problem in Enum.GetValues<VerificationImportProblem>())
            {
                var key = $"Imports.Verifications.Error.{problem}";
                CultureInfo.CurrentUICulture = Vietnamese;
                var vi = text[key].Value;
                CultureInfo.CurrentUICulture = English;
                templates[problem] = (vi, text[key].Value);
            }
        }
        finally
        {
            CultureInfo.CurrentUICulture = saved;
        }
    }

    public ImportCellError Error(int row, string column, string? value, VerificationImportProblem problem, object? argument = null)
    {
        var (vi, en) = templates[problem];
        return argument is null
            ? new ImportCellError(row, column, value, vi, en)
            : new ImportCellError(row, column, value, string.Format(Vietnamese, vi, argument), string.Format(English, en, argument));
    }
}
