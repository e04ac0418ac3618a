/**
 * How long a Zero client keeps trying to reach zero-cache before it gives up
 * and goes `disconnected`. Every client uses it: the web app and the Node
 * clients in tests and benchmarks.
 *
 * Why so long: while `connecting`, Zero 1.9 applies new writes on the device
 * and queues them. Once `disconnected`, it refuses every new write and settles
 * the queued ones with an "unable to connect" error (they are still pushed on
 * reconnect). Its default is one minute; phones and shop floors lose the link
 * for hours, and a write made then must wait, not fail. Twelve hours covers a
 * shift and stays well inside the 48 h after which zero-cache forgets an idle
 * client.
 */
export const DISCONNECT_TIMEOUT_MS = 12 * 60 * 60 * 1000;
