using Microsoft.Playwright;

namespace Metrology.EndToEndTests;

/// <summary>What a user does in every test: sign in, wait for the page to come alive, take a picture of it.</summary>
public static class Browsing
{
    public static async Task SignInAsync(this IPage page, string email, string password = MetrologyApp.DemoPassword)
    {
        await page.GotoAsync("/Account/Login");
        await page.Locator("#email").FillAsync(email);
        await page.Locator("#password").FillAsync(password);
        await page.Locator("button[type=submit]").ClickAsync();
    }

    /// <summary>
    /// Waits for the Blazor circuit: until then the page is the prerendered HTML and clicks do nothing.
    /// MainLayout sets data-interactive once it renders interactively.
    /// </summary>
    public static async Task WaitInteractiveAsync(this IPage page) =>
        await page.Locator("main[data-interactive], .mud-main-content[data-interactive]").First.WaitForAsync();

    /// <summary>
    /// Types into an autocomplete and picks the option that contains <paramref name="option"/>. The search
    /// runs after a debounce on the server; when the machine is busy a keystroke can land before the
    /// component listens, so the text is typed again (up to three times) rather than waiting forever.
    /// </summary>
    public static async Task PickAsync(this IPage page, ILocator input, string text, string option)
    {
        var choice = page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = option });
        for (var attempt = 1; ; attempt++)
        {
            await input.FillAsync(string.Empty);
            await input.FillAsync(text);
            try
            {
                await choice.First.WaitForAsync(new() { Timeout = 5000 });
                break;
            }
            catch (TimeoutException) when (attempt < 3)
            {
            }
        }

        await choice.First.ClickAsync();
    }

    public static async Task ScreenshotAsync(this IPage page, string name)
    {
        var path = Path.Combine(MetrologyApp.ScreenshotDirectory, name + ".png");
        await page.ScreenshotAsync(new() { Path = path, FullPage = true });
    }
}
