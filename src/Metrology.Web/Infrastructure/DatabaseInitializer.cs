using System.Security.Cryptography;
using Metrology.Core.Accounts;
using Metrology.Core.Data;
using Metrology.Core.ReferenceData;
using Metrology.Web.Features.Demo;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Metrology.Web.Infrastructure;

/// <summary>
/// Start-up work, in order: apply migrations, load reference data, create the roles and the first
/// SystemAdmin, then (unless Demo:Seed=false) the demo data. Every step is idempotent.
/// </summary>
public static class DatabaseInitializer
{
    public static async Task InitializeDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<AppDbContext>();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseInitializer));

        await db.Database.MigrateAsync();
        await ReferenceDataLoader.LoadAsync(db);

        var roleManager = services.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
        {
            if (!await roleManager.RoleExistsAsync(role))
            {
                await roleManager.CreateAsync(new IdentityRole(role));
            }
        }

        await EnsureFirstAdminAsync(services, app.Configuration, logger);

        if (app.Configuration.GetValue("Demo:Seed", true))
        {
            await services.GetRequiredService<DemoDataSeeder>().SeedAsync();
        }

        services.GetRequiredService<DemoStatus>().IsLoaded = await DemoDataSeeder.IsLoadedAsync(db);
    }

    private static async Task EnsureFirstAdminAsync(IServiceProvider services, IConfiguration configuration, ILogger logger)
    {
        var userManager = services.GetRequiredService<UserManager<AppUser>>();
        if ((await userManager.GetUsersInRoleAsync(Roles.SystemAdmin)).Count > 0)
        {
            return;
        }

        var email = configuration["Admin:Email"] is { Length: > 0 } configured ? configured : "admin@metrology.local";
        var password = configuration["Admin:Password"];
        var generated = string.IsNullOrEmpty(password);
        if (generated)
        {
            password = RandomPassword();
        }

        var admin = new AppUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            FullName = "Quản trị hệ thống",
            Role = Roles.SystemAdmin,
            CreatedAt = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime,
            LockoutEnabled = true,
        };
        var result = await userManager.CreateAsync(admin, password!);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(
                $"Cannot create the first SystemAdmin {email}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
        }

        await userManager.AddToRoleAsync(admin, Roles.SystemAdmin);
        if (generated)
        {
            // Printed once, to the console only: it is not stored anywhere else in clear.
            Console.WriteLine($"First SystemAdmin created: {email} / password: {password} (shown once; change it after signing in)");
        }
        else
        {
            logger.LogInformation("First SystemAdmin {Email} created from configuration", email);
        }
    }

    private static string RandomPassword()
    {
        const string upper = "ABCDEFGHJKLMNPQRSTUVWXYZ";
        const string lower = "abcdefghijkmnopqrstuvwxyz";
        const string digits = "23456789";
        const string symbols = "!@#$%&*?";
        const string all = upper + lower + digits + symbols;
        var chars = new char[20];
        chars[0] = upper[RandomNumberGenerator.GetInt32(upper.Length)];
        chars[1] = lower[RandomNumberGenerator.GetInt32(lower.Length)];
        chars[2] = digits[RandomNumberGenerator.GetInt32(digits.Length)];
        chars[3] = symbols[RandomNumberGenerator.GetInt32(symbols.Length)];
        for (var i = 4; i < chars.Length; i++)
        {
            chars[i] = all[RandomNumberGenerator.GetInt32(all.Length)];
        }

        RandomNumberGenerator.Shuffle(chars.AsSpan());
        return new string(chars);
    }
}
