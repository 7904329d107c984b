using Microsoft.Playwright;

namespace LlmMultiChat.ApiHost.Tests.WebUi;

/// <summary>Looks at screenshots with the browser's own image decoder.</summary>
internal static class PageImages
{
    /// <summary>How many different colours the PNG has (a blank canvas has one or two).</summary>
    public static Task<int> DistinctColoursAsync(IPage page, byte[] png) => page.EvaluateAsync<int>(
        """
        async base64 => {
          const bytes = Uint8Array.from(atob(base64), c => c.charCodeAt(0));
          const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
          const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
          const context = canvas.getContext('2d');
          context.drawImage(bitmap, 0, 0);
          const data = context.getImageData(0, 0, bitmap.width, bitmap.height).data;
          const colours = new Set();
          for (let i = 0; i < data.length; i += 4) colours.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
          return colours.size;
        }
        """,
        Convert.ToBase64String(png));
}
