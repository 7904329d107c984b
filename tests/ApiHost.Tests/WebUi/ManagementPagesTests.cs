using System.Text.Json;
using System.Text.RegularExpressions;
using LlmMultiChat.Grains.Tests.Characters.Cards;
using LlmMultiChat.ApiHost.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit;
using Xunit.Abstractions;

namespace LlmMultiChat.ApiHost.Tests.WebUi;

/// <summary>The character gallery and editor (card import by drop, versions, export), and the admin-only pages.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class ManagementPagesTests(BrowserFixture browser, ITestOutputHelper output)
{
    [Fact]
    public async Task A_card_dropped_on_the_gallery_becomes_a_character_whose_edits_show_as_a_version_diff_which_exports_and_takes_an_avatar()
    {
        if (browser.Skipped(output))
        {
            return;
        }

        await using var ui = await browser.OpenAsync();
        await ui.SignUpAsync("olga");
        var page = ui.Page;
        await page.GetByRole(AriaRole.Link, new() { Name = "Characters" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Characters" })).ToBeVisibleAsync();

        await page.Locator(".dropzone").EvaluateAsync(
            """
            (zone, json) => {
              const data = new DataTransfer();
              data.items.add(new File([json], 'lumina.json', { type: 'application/json' }));
              zone.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
            }
            """,
            CardSamples.V2);

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "ルミナ 🌙", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("Description")).ToHaveValueAsync("古い図書館に住む星の精霊。");
        await page.GetByLabel("Description").FillAsync("図書館の屋根裏に住む星の精霊。");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasTextString = "Saved" })).ToHaveTextAsync("Saved as version 2.");

        var latest = page.GetByRole(AriaRole.Region, new() { Name = "Versions" }).Locator("li").First;
        await Assertions.Expect(latest).ToContainTextAsync("Version 2");
        await latest.Locator("summary").ClickAsync();
        var row = latest.Locator("tr", new() { HasTextString = "description" });
        await Assertions.Expect(row.Locator("del")).ToHaveTextAsync("古い図書館に住む星の精霊。");
        await Assertions.Expect(row.Locator("ins")).ToHaveTextAsync("図書館の屋根裏に住む星の精霊。");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Export card (JSON, V2)" }).ClickAsync());
        using var card = JsonDocument.Parse(await File.ReadAllTextAsync(await download.PathAsync()));
        Assert.Equal("図書館の屋根裏に住む星の精霊。", card.RootElement.GetProperty("data").GetProperty("description").GetString());

        var avatar = page.GetByRole(AriaRole.Region, new() { Name = "Avatar" });
        await Assertions.Expect(avatar.Locator("img")).ToHaveCountAsync(0);
        await page.GetByLabel("New avatar (PNG)").SetInputFilesAsync(new FilePayload { Name = "avatar.png", MimeType = "image/png", Buffer = TestPng.ImageWith() });
        await Assertions.Expect(avatar.Locator("img.avatar")).ToHaveAttributeAsync("src", PngDataUrl());
    }

    [Fact]
    public async Task A_character_made_in_the_editor_keeps_its_fields_and_joins_the_gallery()
    {
        if (browser.Skipped(output))
        {
            return;
        }

        await using var ui = await browser.OpenAsync();
        await ui.SignUpAsync("quentin");
        var page = ui.Page;
        await page.GotoAsync("/characters");
        await page.GetByRole(AriaRole.Link, new() { Name = "New character" }).ClickAsync();
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Nova Star");
        await page.GetByLabel("Aliases (one per line)").FillAsync("ノヴァ\nNova");
        await page.GetByLabel("Politeness").SelectOptionAsync("3");
        await page.GetByLabel("Verbosity").SelectOptionAsync("detailed");
        await page.GetByLabel("Provider").FillAsync("ollama");
        await page.GetByLabel("Model", new() { Exact = true }).FillAsync("llama3.2:1b");
        await page.GetByLabel("Temperature").FillAsync("0.7");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Nova Star", Level = 1 })).ToBeVisibleAsync();
        await page.ReloadAsync();
        await Assertions.Expect(page.GetByLabel("Aliases (one per line)")).ToHaveValueAsync("ノヴァ\nNova");
        await Assertions.Expect(page.GetByLabel("Politeness")).ToHaveValueAsync("3");
        await Assertions.Expect(page.GetByLabel("Verbosity")).ToHaveValueAsync("detailed");
        await Assertions.Expect(page.GetByLabel("Model", new() { Exact = true })).ToHaveValueAsync("llama3.2:1b");
        await Assertions.Expect(page.GetByLabel("Temperature")).ToHaveValueAsync("0.7");

        await page.GetByRole(AriaRole.Link, new() { Name = "Characters" }).ClickAsync();
        await Assertions.Expect(page.Locator(".cards").GetByText("Nova Star")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Only_admins_are_offered_and_shown_the_users_and_cluster_pages()
    {
        if (browser.Skipped(output))
        {
            return;
        }

        await using var user = await browser.OpenAsync();
        await user.SignUpAsync("pablo");
        var main = user.Page.GetByRole(AriaRole.Navigation, new() { Name = "Main" });
        await Assertions.Expect(main.GetByRole(AriaRole.Link)).ToHaveTextAsync(["Chat", "Characters"]);
        await user.Page.GotoAsync("/admin/users");
        await Assertions.Expect(user.Page.GetByRole(AriaRole.Heading, new() { Name = "Not found" })).ToBeVisibleAsync();

        await using var admin = await browser.OpenAsync();
        await admin.SignInAsync(browser.Host.Admin.Username, TestAccounts.Password);
        var adminNav = admin.Page.GetByRole(AriaRole.Navigation, new() { Name = "Main" });
        await Assertions.Expect(adminNav.GetByRole(AriaRole.Link)).ToHaveTextAsync(["Chat", "Characters", "Users", "Cluster"]);

        await adminNav.GetByRole(AriaRole.Link, new() { Name = "Users" }).ClickAsync();
        var pablo = admin.Page.GetByRole(AriaRole.Row).Filter(new() { HasTextString = "pablo@example.com" });
        await pablo.GetByLabel("premium").CheckAsync();
        await Assertions.Expect(pablo.GetByLabel("premium")).ToBeCheckedAsync();
        await pablo.GetByRole(AriaRole.Button, new() { Name = "Make reset token" }).ClickAsync();
        await Assertions.Expect(pablo.Locator("code.token")).Not.ToBeEmptyAsync();

        await adminNav.GetByRole(AriaRole.Link, new() { Name = "Cluster" }).ClickAsync();
        var silo = admin.Page.Locator("section.silo").First;
        await Assertions.Expect(silo).ToContainTextAsync("Running");
        await Assertions.Expect(silo.Locator("tbody tr").First).ToBeVisibleAsync();
    }

    [GeneratedRegex("^data:image/png;base64,")]
    private static partial Regex PngDataUrl();
}
