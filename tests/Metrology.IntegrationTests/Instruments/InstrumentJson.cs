namespace Metrology.IntegrationTests.Instruments;

// The instruments API's JSON as a client reads it (see Infrastructure/ApiContracts.cs for why it is restated).

public sealed record InstrumentJson(
    int Id, int OwnerId, string OwnerName, string? ProvinceName, string? TypeCode, string? TypeName, string Manufacturer, string? Model,
    string SerialNumber, string? PatternApprovalNumber, string? AccuracyClass, string? MeasuringRange, string? Location, string Status,
    bool MustNotBeUsed, DateOnly? LastVerifiedOn, DateOnly? NextDueDate, string DueState, DateTime CreatedAt, DateTime UpdatedAt);

public sealed record InstrumentVerificationJson(
    long Id, DateOnly Date, string Kind, string Result, string BodyName, string? StampSerial, string? CertificateNumber, string VerifierName, DateOnly? NextDueDate);

public sealed record InstrumentDetailJson(InstrumentJson Instrument, List<InstrumentVerificationJson> Verifications);

public sealed record KeysetPageJson<T>(List<T> Items, string? NextCursor);

public sealed record ReminderJson(long Id, int InstrumentId, string SerialNumber, string OwnerName, DateOnly DueDate, string Kind, string Recipient, DateTime SentAt);

public sealed record ReminderRunJson(int MailsSent, int InstrumentsReminded, int OwnersWithoutAddress, int Failures);
