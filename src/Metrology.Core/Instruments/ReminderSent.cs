namespace Metrology.Core.Instruments;

public enum ReminderKind
{
    DueSoon,
    Overdue,
}

/// <summary>
/// A reminder mailed to an instrument's owner. Unique per (instrument, due date, kind): the daily job
/// never mails twice about the same due date, even after a restart.
/// </summary>
public class ReminderSent
{
    public long Id { get; set; }

    public int InstrumentId { get; set; }

    public DateOnly DueDate { get; set; }

    public ReminderKind Kind { get; set; }

    public required string Recipient { get; set; }

    public DateTime SentAt { get; set; }
}
