import { devPorts, PortSettingError, subgraphUrlOverrides } from './dev-ports';

describe('devPorts (issue 21: npm start on chosen ports)', () => {
  it.each([
    // flags                         env                                     gateway  subgraphs                postgres   kafka
    [{}, {}, 4000, [4001, 4002, 4003, 4004], undefined, undefined],
    [{ basePort: '5000' }, {}, 5000, [5001, 5002, 5003, 5004], undefined, undefined],
    [{}, { ASW_BASE_PORT: '6100' }, 6100, [6101, 6102, 6103, 6104], undefined, undefined],
    [{ basePort: '5000' }, { ASW_BASE_PORT: '6100' }, 5000, [5001, 5002, 5003, 5004], undefined, undefined], // the flag wins
    [{ postgresPort: '6543', kafkaPort: '19092' }, {}, 4000, [4001, 4002, 4003, 4004], 6543, 19092],
    [{}, { ASW_POSTGRES_PORT: '6543', ASW_KAFKA_PORT: ' ' }, 4000, [4001, 4002, 4003, 4004], 6543, undefined], // blank = unset
  ])('%j %j → gateway %s, subgraphs %j, postgres %s, kafka %s', (flags, env, gateway, subgraphs, postgres, kafka) => {
    const ports = devPorts(flags, env);
    expect(ports.gateway).toBe(gateway);
    expect(Object.values(ports.subgraphs)).toEqual(subgraphs);
    expect(ports.postgres).toBe(postgres);
    expect(ports.kafka).toBe(kafka);
  });

  it.each([
    [{ basePort: 'abc' }, {}, '--base-port: must be a port number from 1 to 65531'],
    [{ basePort: '65533' }, {}, '--base-port: must be a port number from 1 to 65531'], // the subgraphs would not fit
    [{}, { ASW_BASE_PORT: '0' }, 'ASW_BASE_PORT: must be a port number from 1 to 65531'],
    [{ kafkaPort: '65535' }, {}, '--kafka-port: must be a port number from 1 to 65534'], // the controller takes the next
    [{}, { ASW_POSTGRES_PORT: '5432.5' }, 'ASW_POSTGRES_PORT: must be a port number from 1 to 65535'],
  ])('%j %j is refused: %s', (flags, env, message) => {
    expect(() => devPorts(flags, env)).toThrow(new PortSettingError(message));
  });

  it('tells the gateway where the subgraphs are only when they moved', () => {
    expect(subgraphUrlOverrides(devPorts({}, {}))).toBe('');
    expect(subgraphUrlOverrides(devPorts({ basePort: '5000' }, {}))).toBe(
      'case=http://localhost:5001/graphql,housing-support=http://localhost:5002/graphql,benefits-handling=http://localhost:5003/graphql,group-activity=http://localhost:5004/graphql',
    );
  });
});
