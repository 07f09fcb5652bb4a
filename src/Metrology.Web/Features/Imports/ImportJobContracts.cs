using System.Globalization;
using Metrology.Core.Imports;

namespace Metrology.Web.Features.Imports;

/// <summary>A job as the API and the pages show it; messages come in the request's language.</summary>
public sealed record ImportJobDto(
    long Id,
    ImportKind Kind,
    string KindSlug,
    ImportMode Mode,
    ImportStatus Status,
    string FileName,
    long FileSize,
    int TotalRows,
    int ProcessedRows,
    int InsertedRows,
    int UnchangedRows,
    int ErrorRows,
    string? FailureMessage,
    string? Notice,
    bool HasErrorFile,
    bool CanUndo,
    string? CreatedByEmail,
    DateTime CreatedAt,
    DateTime? StartedAt,
    DateTime? FinishedAt,
    DateTime? UndoneAt,
    IReadOnlyList<ImportErrorDto> Errors)
{
    /// <summary>A stored "Vietnamese\nEnglish" message (failure, notice), in the current UI language.</summary>
    public static string? Localized(string? stored)
    {
        if (stored is null)
        {
            return null;
        }

        var parts = stored.Split('\n', 2);
        return CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" && parts.Length == 2 ? parts[1] : parts[0];
    }
}

/// <summary>One stored error: the row as numbered in the file, the column key, the value, the message in both languages and in the request's.</summary>
public sealed record ImportErrorDto(int Row, string Column, string ColumnHeader, string? Value, string Message, string MessageVi, string MessageEn);

/// <summary>A kind the caller may import, with its columns (for the page and the template).</summary>
public sealed record ImportKindDto(ImportKind Kind, string Slug, string Name, IReadOnlyList<ImportColumnDto> Columns);

public sealed record ImportColumnDto(string Key, string Header, bool Required, string Description, string Example);
