using System.Globalization;
using Metrology.Core.Shared;
using Microsoft.Extensions.Localization;

namespace Metrology.Web.Infrastructure;

/// <summary>
/// The number fields of one form (cascaded to each NumberField): while one of them holds text that is not a
/// number or is ambiguous, the form refuses to save rather than send an empty value in its place.
/// </summary>
public sealed class NumberInputs
{
    private readonly HashSet<object> unread = [];

    public bool HasProblems => unread.Count > 0;

    public void Report(object field, bool problem)
    {
        if (problem)
        {
            unread.Add(field);
        }
        else
        {
            unread.Remove(field);
        }
    }

    /// <summary>Why a typed number was refused, naming the field; the same words in the pages and in the API's errors.</summary>
    public static string Message(IStringLocalizer text, NumberProblem problem, string? field, decimal? min = null, decimal? max = null)
    {
        var name = string.IsNullOrWhiteSpace(field) ? text["Number.Field"].Value : field;
        return problem switch
        {
            NumberProblem.TwoDecimalMarks => text["Number.Error.TwoDecimalMarks", name],
            NumberProblem.NotWhole => text["Number.Error.NotWhole", name],
            NumberProblem.OutOfRange => text["Number.Error.OutOfRange", name, Bound(min), Bound(max)],
            NumberProblem.Ambiguous => text["Number.Error.Ambiguous", name],
            _ => text["Number.Error.NotANumber", name],
        };
    }

    private static string Bound(decimal? value) => value is { } v ? NumberText.Format(v, CultureInfo.CurrentCulture) : "…";
}
