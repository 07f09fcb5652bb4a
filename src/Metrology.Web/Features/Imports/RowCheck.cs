using Metrology.Core.Organizations;
using Metrology.Web.Infrastructure;

namespace Metrology.Web.Features.Imports;

/// <summary>
/// Reads and checks the cells of one row for a handler: each check records a bilingual error on its column
/// (the same rules and messages as the forms: FieldRules, TaxCode) and returns the clean value or null.
/// </summary>
public sealed class RowCheck(ImportRow row, IReadOnlyDictionary<string, int> columnIndex, ImportText text)
{
    public ImportRow Row { get; } = row;

    public List<ImportCellError> Errors { get; } = [];

    public bool IsValid => Errors.Count == 0;

    public string? Value(string key) => Row.Values[columnIndex[key]];

    public void Fail(string key, string resourceKey, params object[] arguments) =>
        Errors.Add(text.Error(Row, key, Value(key), resourceKey, arguments));

    public string? Text(string key, int maxLength, bool required = false)
    {
        var value = Value(key);
        if (value is null)
        {
            if (required)
            {
                Fail(key, "Error.Required");
            }

            return null;
        }

        if (value.Length > maxLength)
        {
            Fail(key, "Error.TooLong", maxLength);
            return null;
        }

        return value;
    }

    public string? Phone(string key, int maxLength)
    {
        var value = Text(key, maxLength);
        // The rule of FieldRules.OptionalPhone: digits, spaces and + - . ( ).
        if (value is not null && !value.All(c => char.IsAsciiDigit(c) || c is ' ' or '+' or '-' or '.' or '(' or ')'))
        {
            Fail(key, "Error.Phone.Format");
            return null;
        }

        return value;
    }

    public string? Email(string key, int maxLength)
    {
        var value = Text(key, maxLength);
        if (value is not null && !FieldRules.IsEmail(value))
        {
            Fail(key, "Error.Email.Format");
            return null;
        }

        return value;
    }

    /// <summary>A tax code by the rule of <see cref="TaxCode.Check"/>: format, then the check digit.</summary>
    public string? TaxCodeValue(string key, bool required)
    {
        var value = ImportValues.TaxCodeText(Value(key));
        var problem = TaxCode.Check(value);
        if (problem == TaxCodeProblem.Empty)
        {
            if (required)
            {
                Fail(key, "Error.Required");
            }

            return null;
        }

        if (value!.Length > TaxCode.MaxLength)
        {
            problem = TaxCodeProblem.Format;
        }

        if (problem != TaxCodeProblem.None)
        {
            Fail(key, $"Error.TaxCode.{problem}");
            return null;
        }

        return value;
    }

    public TEnum? Choice<TEnum>(string key, IReadOnlyDictionary<string, TEnum> labels, bool required)
        where TEnum : struct, Enum
    {
        var value = Value(key);
        if (value is null)
        {
            if (required)
            {
                Fail(key, "Error.Required");
            }

            return null;
        }

        var member = ImportValues.Choice(value, labels);
        if (member is null)
        {
            var prefix = labels is ChoiceLabels<TEnum> named ? named.ResourcePrefix : string.Empty;
            Fail(key, "Imports.Error.Choice", string.Join(", ", labels.Values.Distinct().Select(m =>
            {
                var (vi, en) = text.Both($"{prefix}{m}");
                return $"{vi} ({en})";
            })));
        }

        return member;
    }

    public int? WholeNumber(string key, int min, int max, bool required)
    {
        var value = Value(key);
        if (value is null)
        {
            if (required)
            {
                Fail(key, "Error.Required");
            }

            return null;
        }

        var number = ImportValues.WholeNumber(value);
        if (number is null || number < min || number > max)
        {
            Fail(key, "Imports.Error.IntegerRange", min, max);
            return null;
        }

        return (int)number;
    }
}

/// <summary>
/// The labels of an enum's members in both languages, folded (<see cref="ImportValues.Key"/>), read from the
/// resources "{prefix}{Member}": so a file may say "Doanh nghiệp", "doanh nghiep" or "Enterprise".
/// </summary>
public sealed class ChoiceLabels<TEnum> : Dictionary<string, TEnum>
    where TEnum : struct, Enum
{
    public ChoiceLabels(ImportText text, string resourcePrefix, IEnumerable<TEnum>? members = null)
        : base(StringComparer.Ordinal)
    {
        ResourcePrefix = resourcePrefix;
        foreach (var member in members ?? Enum.GetValues<TEnum>())
        {
            var (vi, en) = text.Both($"{resourcePrefix}{member}");
            TryAdd(ImportValues.Key(vi), member);
            TryAdd(ImportValues.Key(en), member);
            TryAdd(ImportValues.Key(member.ToString()), member);
        }
    }

    public string ResourcePrefix { get; }
}
