using Microsoft.AspNetCore.Http.HttpResults;

namespace Metrology.Web.Features.Accounts;

/// <summary>/api/v1/admin/users: SystemAdmin manages every user, ProvinceAdmin those of their province.</summary>
public static class AdminUserEndpoints
{
    public static void MapAdminUserEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/admin/users").WithTags("Users")
            .RequireAuthorization(p => p.RequireRole(UserAdministration.AdminRoles));

        group.MapGet("/", async (UserAdministration users, string? search, int? page, int? pageSize, CancellationToken ct) =>
            TypedResults.Ok(await users.ListAsync(search, page ?? 1, pageSize ?? 50, ct)))
            .WithName("ListUsers");

        group.MapGet("/{id}", async Task<Results<Ok<UserDto>, ProblemHttpResult>> (string id, UserAdministration users, CancellationToken ct) =>
            await users.GetAsync(id, ct) is { } user ? TypedResults.Ok(user) : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound))
            .WithName("GetUser");

        group.MapPost("/", async (UserInput input, UserAdministration users, CancellationToken ct) =>
            (await users.CreateAsync(input, ct)).ToHttpResult(u => TypedResults.Created($"/api/v1/admin/users/{u.Id}", u)))
            .WithName("CreateUser")
            .Produces<UserDto>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapPut("/{id}", async (string id, UserInput input, UserAdministration users, CancellationToken ct) =>
            (await users.UpdateAsync(id, input, ct)).ToHttpResult(TypedResults.Ok))
            .WithName("UpdateUser")
            .Produces<UserDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}
