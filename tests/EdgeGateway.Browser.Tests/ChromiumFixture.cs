using System;
using System.IO;
using System.Threading.Tasks;
using Microsoft.Playwright;

namespace EdgeGateway.Browser.Tests;

/// <summary>
/// One headless Debian Chromium for the test run, driven by Playwright with a fresh, empty profile directory.
/// Playwright never downloads a browser here: it is pointed at /usr/bin/chromium, and a missing Chromium fails the
/// tests with the command that installs it. The flags keep Chromium off the network (this machine has none but
/// loopback) and make it run as root in a container.
/// </summary>
public sealed class ChromiumFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private static readonly string[] ChromiumArgs =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private IPlaywright? playwright;
    private DirectoryInfo? profile;

    public IBrowserContext Context { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException("install chromium: apt-get install -y chromium (" + ChromiumPath + " is missing; the browser tests drive Debian's Chromium, never a downloaded one)");
        }

        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        playwright = await Playwright.CreateAsync();
        profile = Directory.CreateTempSubdirectory("egw-chromium-profile-");
        // A persistent context on a new empty directory is Chromium's --user-data-dir (Playwright passes it).
        Context = await playwright.Chromium.LaunchPersistentContextAsync(profile.FullName, new BrowserTypeLaunchPersistentContextOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
            Timeout = 60_000,
        });
    }

    public async Task DisposeAsync()
    {
        if (Context != null)
        {
            await Context.CloseAsync();
        }

        playwright?.Dispose();
        try
        {
            profile?.Delete(recursive: true);
        }
        catch (IOException)
        {
            // Chromium may still be flushing the profile; it is a temp directory.
        }
    }
}

[CollectionDefinition(Name)]
public sealed class ChromiumCollection : ICollectionFixture<ChromiumFixture>
{
    public const string Name = "chromium";
}
