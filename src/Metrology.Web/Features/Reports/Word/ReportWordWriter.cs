using Metrology.Core.Reporting;

namespace Metrology.Web.Features.Reports.Word;

/// <summary>Lays out a <see cref="ReportDocument"/> as a Word file following Decree 30/2020, Appendix I.</summary>
public static class ReportWordWriter
{
    public static void Write(ReportDocument document, Stream output) =>
        throw new NotImplementedException("The Word layout is being written on its own branch.");
}
