using Microsoft.AspNetCore.Mvc;

namespace CondorActors.Server.Api;

/// <summary>Query-string parameters of the list routes, taken as text so that bad values become our own 400 problems.</summary>
internal sealed record ListParameters(
    [property: FromQuery(Name = "constraint")] string? Constraint,
    [property: FromQuery(Name = "projection")] string? Projection,
    [property: FromQuery(Name = "limit")] string? Limit,
    [property: FromQuery(Name = "cursor")] string? Cursor);
