// Drives /hubs/chat with the official JavaScript client, as a browser would, and prints one JSON line per thing seen.
// Usage: node chat-client.mjs <baseUrl> <accessToken> <conversationId> <characterId>
import * as signalR from "@microsoft/signalr";

const [baseUrl, accessToken, conversationId, characterId] = process.argv.slice(2);
const print = (line) => console.log(JSON.stringify(line));
// The timer is unref'd so a finished run exits at once instead of waiting for it.
const within = (promise, ms, what) =>
  Promise.race([promise, new Promise((_, reject) => setTimeout(() => reject(new Error(`no ${what} within ${ms} ms`)), ms).unref())]);

const connection = new signalR.HubConnectionBuilder()
  .withUrl(`${baseUrl}/hubs/chat`, { accessTokenFactory: () => accessToken })
  .configureLogging(signalR.LogLevel.Warning)
  .build();

// Pushed events after Join, until the turn the client starts is complete.
const turnComplete = new Promise((resolve) => {
  connection.on("event", (event) => {
    print({ kind: "event", type: event.type, seq: event.seq });
    if (event.type === "complete_state") resolve();
  });
});

try {
  await connection.start();
  print({ kind: "connected", transport: connection.connection.transport.constructor.name });
  await connection.invoke("Join", conversationId, 0);
  const messageId = await connection.invoke("Send", conversationId, "Hello from the official client", [characterId]);
  print({ kind: "sent", messageId });
  await within(turnComplete, 30000, "complete_state event");

  // Hub streaming: the same events again from the start, until the client has seen the turn end and cancels.
  const streamed = await within(new Promise((resolve, reject) => {
    const types = [];
    const subscription = connection.stream("Stream", conversationId, 0).subscribe({
      next: (event) => {
        types.push(event.type);
        if (event.type === "complete_state") {
          subscription.dispose();
          resolve(types);
        }
      },
      error: reject,
      complete: () => resolve(types),
    });
  }), 30000, "streamed complete_state");
  print({ kind: "streamed", types: streamed });

  try {
    await connection.invoke("Join", "no-such-conversation", 0);
    print({ kind: "joined-unknown" });
  } catch (error) {
    print({ kind: "error", message: error.message });
  }

  await connection.stop();
  print({ kind: "stopped" });
} catch (error) {
  print({ kind: "failed", message: String(error && error.message || error) });
  process.exitCode = 1;
}
