using Metrology.Web.Features.Backups;
using Metrology.Web.Features.Imports;
using Metrology.Web.Infrastructure;

var builder = WebApplication.CreateBuilder(args);
builder.AddMetrologyServices();

var app = builder.Build();

// "backup" / "restore <folder>": before start-up work, since a restore needs the empty database it fills.
if (BackupCommand.IsBackupOrRestore(args))
{
    return await BackupCommand.RunAsync(app, args);
}

await app.InitializeDatabaseAsync();

// "import <kind> <file> --province <slug>": a server-side bulk import in the foreground, then exit; no web server.
if (ImportCommand.IsImport(args))
{
    return await ImportCommand.RunAsync(app, args);
}

app.UseMetrologyPipeline();
await app.RunAsync();
return 0;

/// <summary>Entry point; public so integration tests can host the app with WebApplicationFactory.</summary>
public partial class Program;
