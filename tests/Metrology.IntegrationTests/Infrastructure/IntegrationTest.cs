namespace Metrology.IntegrationTests.Infrastructure;

/// <summary>
/// Base of every test class. Each area's tests are written once in an abstract class and run by two
/// nested classes, one per database engine, each with its own app and database.
/// </summary>
public abstract class IntegrationTest
{
    protected IntegrationTest(MetrologyApp app)
    {
        App = app;
        app.SkipWhenUnavailable();
    }

    protected MetrologyApp App { get; }

    protected static CancellationToken Cancellation => TestContext.Current.CancellationToken;
}
