namespace CondorActors.Domain.Glideins;

/// <summary>Sends <paramref name="Message"/> to the site's actor; the site answers the sender.</summary>
public sealed record ToSite(string Site, object Message);

/// <summary>No site of that name is configured.</summary>
public sealed record SiteNotFound(string Site);

/// <summary>The site is configured with <c>enabled = false</c>: it takes no new glideins.</summary>
public sealed record SiteDisabled(string Site);
