using System.Buffers.Text;
using System.Security.Cryptography;
using Metrology.Core.Instruments;
using Metrology.Core.Organizations;
using Metrology.Core.Shared;
using Metrology.Core.Verification;
using Metrology.Web.Infrastructure;

namespace Metrology.Web.Features.Imports.Verifications;

/// <summary>One valid row, resolved to ids and typed values, ready for the staging table.</summary>
public sealed record StagedVerification(
    int RowNumber,
    int BodyId,
    int OwnerId,
    string OwnerTaxCode,
    string TypeCode,
    string Manufacturer,
    string? Model,
    string SerialNumber,
    string SearchText,
    VerificationKind Kind,
    DateOnly Date,
    VerificationResult Result,
    string? StampSerial,
    string? CertificateNumber,
    DateOnly? NextDueDate,
    int? CycleMonths,
    string? DueDateOverrideReason,
    string VerifierName,
    string? SignerName,
    string? PublicToken);

/// <summary>What the rows are checked against: small reference tables loaded once per job.</summary>
public sealed class VerificationLookups
{
    /// <summary>Organisations of the job's province by tax code (the natural key); bodies are those of kind VerificationBody.</summary>
    public required IReadOnlyDictionary<string, (int Id, OrganizationKind Kind)> OrganizationsByTaxCode { get; init; }

    /// <summary>Group 2 rows by code, every dated revision.</summary>
    public required IReadOnlyDictionary<string, List<Group2InstrumentType>> TypesByCode { get; init; }

    /// <summary>Designations (with scopes) by body id.</summary>
    public required IReadOnlyDictionary<int, List<Designation>> DesignationsByBody { get; init; }

    /// <summary>For a lab operator, the only body it may import for; null for the other roles.</summary>
    public required int? OnlyBodyId { get; init; }

    public required DateOnly Today { get; init; }

    /// <summary>Written on a record whose due date in the file differs from the cycle's (the manual path asks for a reason).</summary>
    public required string OverrideReason { get; init; }
}

/// <summary>
/// The checks one row can pass or fail on its own (formats, references, the designation and the rules of the
/// manual recording path). Checks that need the other rows or the database's records (duplicates, an instrument
/// registered to another owner) run afterwards as set-based SQL over the staging table.
/// </summary>
public sealed class VerificationRowValidator(VerificationLookups lookups, VerificationImportMessages messages)
{
    public const int TextMaxLength = 200;
    public const int SerialMaxLength = 100;
    public const int StampMaxLength = 60;

    // Designation checks repeat for every row of a (body, type, kind, date); a file of a year has few such tuples.
    private readonly Dictionary<(int, string, VerificationKind, DateOnly), DesignationProblem> designationCache = [];

    private readonly byte[] randomBytes = new byte[Certificate.TokenBytes * 512];
    private int randomOffset = Certificate.TokenBytes * 512;

    public StagedVerification? Validate(ImportRow row, Action<ImportCellError> report)
    {
        var errors = 0;
        void Fail(string column, string? value, VerificationImportProblem problem, object? argument = null)
        {
            errors++;
            report(messages.Error(row.RowNumber, column, value, problem, argument));
        }

        string? Text(int index, int maxLength, bool required)
        {
            var value = row.Values.Count > index ? FieldRules.Blank(row.Values[index]) : null;
            var column = VerificationImportColumns.All[index].Key;
            if (value is null)
            {
                if (required)
                {
                    Fail(column, null, VerificationImportProblem.Required);
                }

                return null;
            }

            if (value.Length > maxLength)
            {
                Fail(column, value, VerificationImportProblem.TooLong, maxLength);
                return null;
            }

            return value;
        }

        var bodyTax = Text(VerificationImportColumns.BodyTaxCode, TaxCode.MaxLength + 10, true);
        var certificate = Text(VerificationImportColumns.CertificateNumber, StampMaxLength, false);
        var ownerTax = Text(VerificationImportColumns.OwnerTaxCode, TaxCode.MaxLength + 10, true);
        var typeCode = Text(VerificationImportColumns.TypeCode, Group2InstrumentType.CodeMaxLength, true);
        var manufacturer = Text(VerificationImportColumns.Manufacturer, TextMaxLength, true);
        var model = Text(VerificationImportColumns.Model, TextMaxLength, false);
        var serial = Text(VerificationImportColumns.SerialNumber, SerialMaxLength, true);
        var dateText = Text(VerificationImportColumns.Date, 40, true);
        var kindText = Text(VerificationImportColumns.Kind, 60, true);
        var resultText = Text(VerificationImportColumns.Result, 60, true);
        var stamp = Text(VerificationImportColumns.StampSerial, StampMaxLength, false);
        var dueText = Text(VerificationImportColumns.NextDueDate, 40, false);
        var verifier = Text(VerificationImportColumns.VerifierName, TextMaxLength, true);
        var signer = Text(VerificationImportColumns.SignerName, TextMaxLength, false);

        var bodyId = Organization(VerificationImportColumns.Keys.BodyTaxCode, bodyTax, body: true);
        if (bodyId is { } found && lookups.OnlyBodyId is { } own && found != own)
        {
            Fail(VerificationImportColumns.Keys.BodyTaxCode, bodyTax, VerificationImportProblem.BodyNotOwn);
            bodyId = null;
        }

        var ownerId = Organization(VerificationImportColumns.Keys.OwnerTaxCode, ownerTax, body: false);

        DateOnly? date = null;
        if (dateText is not null)
        {
            date = ImportValues.Date(dateText);
            if (date is null)
            {
                Fail(VerificationImportColumns.Keys.Date, dateText, VerificationImportProblem.DateInvalid);
            }
            else if (date > lookups.Today)
            {
                Fail(VerificationImportColumns.Keys.Date, dateText, VerificationImportProblem.DateInFuture);
                date = null;
            }
        }

        DateOnly? due = null;
        if (dueText is not null)
        {
            due = ImportValues.Date(dueText);
            if (due is null)
            {
                Fail(VerificationImportColumns.Keys.NextDueDate, dueText, VerificationImportProblem.DateInvalid);
            }
            else if (date is { } verified && due <= verified)
            {
                Fail(VerificationImportColumns.Keys.NextDueDate, dueText, VerificationImportProblem.DueNotAfterDate);
            }
        }

        var kind = kindText is null ? null : VerificationLabels.Kind(kindText);
        if (kindText is not null && kind is null)
        {
            Fail(VerificationImportColumns.Keys.Kind, kindText, VerificationImportProblem.KindUnknown);
        }

        var result = resultText is null ? null : VerificationLabels.Result(resultText);
        if (resultText is not null && result is null)
        {
            Fail(VerificationImportColumns.Keys.Result, resultText, VerificationImportProblem.ResultUnknown);
        }

        if (result == VerificationResult.Fail)
        {
            // As on the recording form: a failed instrument gets no stamp, no certificate and no due date.
            if (stamp is not null)
            {
                Fail(VerificationImportColumns.Keys.StampSerial, stamp, VerificationImportProblem.FailNoStamp);
            }

            if (certificate is not null)
            {
                Fail(VerificationImportColumns.Keys.CertificateNumber, certificate, VerificationImportProblem.FailNoCertificate);
            }

            if (dueText is not null)
            {
                Fail(VerificationImportColumns.Keys.NextDueDate, dueText, VerificationImportProblem.FailNoDueDate);
            }
        }
        else if (result == VerificationResult.Pass)
        {
            // The certificate number is the row's natural key and the stamp is what the public lookup finds.
            RequireForPass(VerificationImportColumns.Keys.StampSerial, stamp);
            RequireForPass(VerificationImportColumns.Keys.CertificateNumber, certificate);
            RequireForPass(VerificationImportColumns.Keys.SignerName, signer);
        }

        Group2InstrumentType? type = null;
        if (typeCode is not null)
        {
            if (!lookups.TypesByCode.TryGetValue(typeCode, out var revisions))
            {
                Fail(VerificationImportColumns.Keys.TypeCode, typeCode, VerificationImportProblem.TypeUnknown);
            }
            else if (date is { } on)
            {
                type = revisions.FirstOrDefault(t => t.IsInForceOn(on));
                if (type is null)
                {
                    Fail(VerificationImportColumns.Keys.Date, dateText, VerificationImportProblem.TypeNotInForce, typeCode);
                }
            }
        }

        if (bodyId is { } designatedBody && type is not null && kind is { } verificationKind && date is { } verificationDate)
        {
            switch (Designation(designatedBody, type.Code, verificationKind, verificationDate))
            {
                case DesignationProblem.NoDesignationForType:
                    Fail(VerificationImportColumns.Keys.TypeCode, typeCode, VerificationImportProblem.NoDesignation);
                    break;
                case DesignationProblem.NotActiveOnDate:
                    Fail(VerificationImportColumns.Keys.Date, dateText, VerificationImportProblem.DesignationNotActive);
                    break;
                case DesignationProblem.KindNotInScope:
                    Fail(VerificationImportColumns.Keys.Kind, kindText, VerificationImportProblem.KindNotInScope);
                    break;
            }
        }

        if (errors > 0 || bodyId is null || ownerId is null || type is null || kind is null || result is null || date is null)
        {
            return null;
        }

        var cycleDue = result == VerificationResult.Pass ? VerificationRules.NextDueDate(date.Value, type.CycleMonths) : null;
        var nextDue = result == VerificationResult.Pass ? due ?? cycleDue : null;
        return new StagedVerification(
            row.RowNumber, bodyId.Value, ownerId.Value, TaxCode.Normalize(ownerTax), type.Code, manufacturer!, model, serial!,
            FoldSearchText($"{type.Code} {manufacturer} {model} {serial}"),
            kind.Value, date.Value, result.Value, stamp, certificate, nextDue, type.CycleMonths,
            nextDue != cycleDue ? lookups.OverrideReason : null,
            verifier!, signer,
            result == VerificationResult.Pass ? NewToken() : null);

        void RequireForPass(string column, string? value)
        {
            if (value is null)
            {
                Fail(column, null, VerificationImportProblem.Required);
            }
        }

        int? Organization(string column, string? taxCode, bool body)
        {
            if (taxCode is null)
            {
                return null;
            }

            if (TaxCode.Check(taxCode) != TaxCodeProblem.None)
            {
                Fail(column, taxCode, VerificationImportProblem.TaxCodeInvalid);
                return null;
            }

            if (!lookups.OrganizationsByTaxCode.TryGetValue(TaxCode.Normalize(taxCode), out var organization)
                || (body && organization.Kind != OrganizationKind.VerificationBody))
            {
                Fail(column, taxCode, body ? VerificationImportProblem.BodyUnknown : VerificationImportProblem.OwnerUnknown);
                return null;
            }

            return organization.Id;
        }
    }

    /// <summary>
    /// <see cref="Certificate.NewToken"/>'s format (160 random bits, base64url without padding) from one random
    /// buffer refilled every 512 tokens: a call to the system's generator per row is a measurable share of a
    /// million-row import.
    /// </summary>
    private string NewToken()
    {
        if (randomOffset == randomBytes.Length)
        {
            RandomNumberGenerator.Fill(randomBytes);
            randomOffset = 0;
        }

        var token = Base64Url.EncodeToString(randomBytes.AsSpan(randomOffset, Certificate.TokenBytes));
        randomOffset += Certificate.TokenBytes;
        return token;
    }

    /// <summary>
    /// <see cref="TextSearch.Fold"/> with a fast path for plain ASCII (most serials, models and manufacturers),
    /// which has no marks to strip: lower case and single spaces give the same text without the Unicode
    /// decomposition.
    /// </summary>
    internal static string FoldSearchText(string text)
    {
        var trimmed = text.AsSpan().Trim();
        foreach (var c in trimmed)
        {
            if (!char.IsAscii(c))
            {
                return TextSearch.Fold(text);
            }
        }

        var buffer = trimmed.Length <= 256 ? stackalloc char[trimmed.Length] : new char[trimmed.Length];
        var length = 0;
        var lastWasSpace = false;
        foreach (var c in trimmed)
        {
            if (char.IsWhiteSpace(c))
            {
                if (!lastWasSpace)
                {
                    buffer[length++] = ' ';
                }

                lastWasSpace = true;
                continue;
            }

            lastWasSpace = false;
            buffer[length++] = char.ToLowerInvariant(c);
        }

        return new string(buffer[..length]);
    }

    private DesignationProblem Designation(int bodyId, string typeCode, VerificationKind kind, DateOnly date)
    {
        var key = (bodyId, typeCode, kind, date);
        if (!designationCache.TryGetValue(key, out var problem))
        {
            problem = VerificationRules.CheckDesignation(lookups.DesignationsByBody.GetValueOrDefault(bodyId) ?? [], typeCode, kind, date);
            designationCache[key] = problem;
        }

        return problem;
    }
}
