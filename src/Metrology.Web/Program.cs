using Metrology.Web.Infrastructure;

var builder = WebApplication.CreateBuilder(args);
builder.AddMetrologyServices();

var app = builder.Build();
await app.InitializeDatabaseAsync();
app.UseMetrologyPipeline();
await app.RunAsync();

/// <summary>Entry point; public so integration tests can host the app with WebApplicationFactory.</summary>
public partial class Program;
