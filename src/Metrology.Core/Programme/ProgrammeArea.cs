namespace Metrology.Core.Programme;

/// <summary>
/// The part of Programme 996 a plan task or S&amp;T task serves; it decides where the annual report
/// (design/report.md, sections I.1 and I.2.1-2.5) mentions it.
/// </summary>
public enum ProgrammeArea
{
    Direction,
    Policy,
    Infrastructure,
    StateManagement,
    EnterpriseSupport,
    Communication,
}
