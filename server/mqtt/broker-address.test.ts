import { describe, expect, it } from 'vitest';
import { brokerAddress } from './broker-address';

describe('the broker address a new credential shows', () => {
  it('is the embedded listener’s port when the app serves MQTT itself, 1883 with an external broker, the public setting above both', () => {
    expect(brokerAddress({})).toBe(':1883');
    expect(brokerAddress({ MQTT_PORT: '18861' })).toBe(':18861');
    expect(brokerAddress({ MQTT_PORT: '18861', MQTT_URL: 'mqtt://broker:1883' })).toBe(':1883');
    expect(brokerAddress({ MQTT_PORT: '18861', MQTT_PUBLIC_HOST: 'mqtt.example.com', MQTT_PUBLIC_PORT: '8883' })).toBe('mqtt.example.com:8883');
  });
});
