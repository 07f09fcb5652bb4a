namespace Metrology.Core.Verification;

/// <summary>The legal verification forms (kiểm định ban đầu / định kỳ / sau sửa chữa / đối chứng).</summary>
public enum VerificationKind
{
    Initial,
    Periodic,
    AfterRepair,
    Reference,
}

public enum VerificationResult
{
    Pass,
    Fail,
}
