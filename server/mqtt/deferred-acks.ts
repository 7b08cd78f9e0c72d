/**
 * PUBACK after commit, without giving up batching. mqtt.js handles incoming packets one at a time: the next PUBLISH is
 * read only once the previous one's PUBACK was handed to the socket (with `customHandleAcks` too), so holding the
 * acknowledgement until the write commits would mean one message per database round trip. mqtt.js has no manual-ack
 * API, so this takes over the one place where it writes a PUBACK (`_sendPacket`, mqtt 5.16 pinned): the packet is
 * held, mqtt.js is told it went out (it reads on), and the PUBACKs are written later, in the order the messages came,
 * once their batches have committed (MQTT 3.1.1 §4.6: QoS 1 acknowledgements in order).
 *
 * An acknowledgement belongs to the connection that received the message: when it drops, what was held is forgotten
 * (the broker sends those messages again on the next connection of this session: stored once, `duplicate`).
 * Back-pressure is the broker's in-flight window (MQTT 5 Receive Maximum, Mosquitto's max_inflight_messages): it sends
 * no more unacknowledged messages than that. Pausing mqtt.js' reading instead would also stop the PINGRESP and end the
 * connection on its keep-alive (seen in the bench).
 */
import type { MqttClient } from 'mqtt';

type Packet = { cmd: string; messageId?: number };
type Send = (packet: Packet, cb?: (err?: Error) => void, ...rest: unknown[]) => void;
type Slot = { messageId: number; generation: number; committed: boolean; packet: Packet | null };

export type DeferredAcks = {
  /** Call from the 'message' handler for a QoS 1 packet; returns the function to call once it is stored. */
  hold(messageId: number): () => void;
  /** PUBACKs held and not yet written. */
  held(): number;
};

export function deferAcks(client: MqttClient): DeferredAcks {
  const internals = client as unknown as { _sendPacket?: Send };
  const original = internals._sendPacket;
  if (typeof original !== 'function') throw new Error('mqtt.js has no _sendPacket: the acknowledgement-after-commit needs mqtt 5.16 (package.json pins it)');
  const send: Send = original.bind(client);
  let generation = 0;
  // a FIFO with a moving head (Array#shift is O(n): quadratic over tens of thousands of held acknowledgements)
  let fifo: Slot[] = [];
  let head = 0;
  const byId = new Map<number, Slot>();

  client.on('close', () => {
    generation++;
    fifo = [];
    head = 0;
    byId.clear();
  });

  const release = () => {
    while (head < fifo.length && (fifo[head] as Slot).committed && (fifo[head] as Slot).packet) {
      const slot = fifo[head++] as Slot;
      byId.delete(slot.messageId);
      if (slot.generation === generation && client.connected) send(slot.packet as Packet);
    }
    if (head > 1024 && head * 2 > fifo.length) {
      fifo = fifo.slice(head);
      head = 0;
    }
  };

  internals._sendPacket = (packet: Packet, cb?: (err?: Error) => void, ...rest: unknown[]) => {
    const slot = packet.cmd === 'puback' && packet.messageId !== undefined ? byId.get(packet.messageId) : undefined;
    if (!slot || slot.generation !== generation) return send(packet, cb, ...rest);
    slot.packet = packet;
    release();
    cb?.(); // mqtt.js reads the next packet now; the PUBACK goes out when its batch has committed
  };

  return {
    hold(messageId) {
      const slot: Slot = { messageId, generation, committed: false, packet: null };
      fifo.push(slot);
      byId.set(messageId, slot);
      return () => {
        slot.committed = true;
        release();
      };
    },
    held: () => fifo.length - head,
  };
}
