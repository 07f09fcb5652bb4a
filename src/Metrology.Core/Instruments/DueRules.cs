using System.Linq.Expressions;

namespace Metrology.Core.Instruments;

/// <summary>Where an instrument stands against its verification due date, as the lists and chips show it.</summary>
public enum DueState
{
    /// <summary>In-service Group 2 instrument whose due date is past (design/domain.md, "Overdue").</summary>
    Overdue,

    /// <summary>Due today or within the due-soon window.</summary>
    DueSoon,

    /// <summary>Due after the window, or verified for a type without a periodic cycle.</summary>
    Ok,

    /// <summary>In-service Group 2 instrument with no verification on record.</summary>
    NeverVerified,

    /// <summary>Its last verification failed.</summary>
    MustNotBeUsed,

    /// <summary>Out of service, scrapped or outside Group 2: no legal due date applies.</summary>
    NotApplicable,
}

/// <summary>
/// The due-date rules, once as a C# function (for one instrument) and once as query predicates (for lists),
/// so a chip and a filter can never disagree. "Today" is the Vietnam date; the window is a
/// setting (Reminders:DueSoonDays, default 30): due on today + window is still "due soon", the day after is "ok".
/// </summary>
public static class DueRules
{
    public const int DefaultDueSoonDays = 30;

    public static DueState StateOf(InstrumentStatus status, string? typeCode, bool mustNotBeUsed, DateOnly? lastVerifiedOn, DateOnly? nextDueDate, DateOnly today, int dueSoonDays)
    {
        if (status != InstrumentStatus.InService || typeCode is null)
        {
            return DueState.NotApplicable;
        }

        if (mustNotBeUsed)
        {
            return DueState.MustNotBeUsed;
        }

        if (nextDueDate is not { } due)
        {
            return lastVerifiedOn is null ? DueState.NeverVerified : DueState.Ok;
        }

        return due < today ? DueState.Overdue
            : due <= today.AddDays(dueSoonDays) ? DueState.DueSoon
            : DueState.Ok;
    }

    /// <summary>The same rule as <see cref="StateOf"/>, as a filter EF translates to SQL.</summary>
    public static Expression<Func<Instrument, bool>> Is(DueState state, DateOnly today, int dueSoonDays)
    {
        var limit = today.AddDays(dueSoonDays);
        return state switch
        {
            DueState.Overdue => i => i.Status == InstrumentStatus.InService && i.TypeCode != null && !i.MustNotBeUsed
                && i.NextDueDate != null && i.NextDueDate < today,
            DueState.DueSoon => i => i.Status == InstrumentStatus.InService && i.TypeCode != null && !i.MustNotBeUsed
                && i.NextDueDate != null && i.NextDueDate >= today && i.NextDueDate <= limit,
            DueState.Ok => i => i.Status == InstrumentStatus.InService && i.TypeCode != null && !i.MustNotBeUsed
                && (i.NextDueDate == null ? i.LastVerifiedOn != null : i.NextDueDate > limit),
            DueState.NeverVerified => i => i.Status == InstrumentStatus.InService && i.TypeCode != null && !i.MustNotBeUsed
                && i.NextDueDate == null && i.LastVerifiedOn == null,
            DueState.MustNotBeUsed => i => i.Status == InstrumentStatus.InService && i.TypeCode != null && i.MustNotBeUsed,
            _ => i => i.Status != InstrumentStatus.InService || i.TypeCode == null,
        };
    }

    /// <summary>Overdue or due soon: everything the due list and the reminders cover.</summary>
    public static Expression<Func<Instrument, bool>> IsDue(DateOnly today, int dueSoonDays)
    {
        var limit = today.AddDays(dueSoonDays);
        return i => i.Status == InstrumentStatus.InService && i.TypeCode != null && !i.MustNotBeUsed
            && i.NextDueDate != null && i.NextDueDate <= limit;
    }

    /// <summary>By name only ("overdue", "dueSoon"), case-insensitive; numbers are not accepted.</summary>
    public static DueState? Parse(string? value) =>
        Enum.GetValues<DueState>().Select(s => (DueState?)s)
            .FirstOrDefault(s => string.Equals(s.ToString(), value?.Trim(), StringComparison.OrdinalIgnoreCase));
}
