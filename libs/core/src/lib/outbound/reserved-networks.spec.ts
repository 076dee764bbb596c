import { parseNetworks, refusedBlock } from './reserved-networks';

describe('refusedBlock', () => {
  it.each([
    ['127.0.0.1', '127.0.0.0/8'],
    ['10.1.2.3', '10.0.0.0/8'],
    ['172.31.255.255', '172.16.0.0/12'],
    ['192.168.1.1', '192.168.0.0/16'],
    ['169.254.169.254', '169.254.0.0/16'],
    ['100.64.0.1', '100.64.0.0/10'],
    ['0.0.0.0', '0.0.0.0/8'],
    ['224.0.0.251', '224.0.0.0/4'],
    ['255.255.255.255', '240.0.0.0/4'],
    ['::', '::/128'],
    ['::1', '::1/128'],
    ['::ffff:127.0.0.1', '127.0.0.0/8'],
    ['::ffff:a9fe:a9fe', '169.254.0.0/16'],
    ['64:ff9b::7f00:1', '64:ff9b::/96'],
    ['2002:7f00:1::', '2002::/16'],
    ['2001:db8::1', '2001:db8::/32'],
    ['2001:0:4136:e378::1', '2001::/32'],
    ['fd00::1', 'fc00::/7'],
    ['fe80::1%eth0', 'fe80::/10'],
    ['ff02::1', 'ff00::/8'],
  ])('refuses %s (%s)', (address, block) => {
    expect(refusedBlock(address, [])).toBe(block);
  });

  it.each(['8.8.8.8', '93.184.215.14', '2606:4700:4700::1111', '::ffff:8.8.8.8'])(
    'lets public %s through',
    (address) => {
      expect(refusedBlock(address, [])).toBeNull();
    },
  );

  it('lets allowed blocks and addresses through, and only them', () => {
    const allowed = ['10.0.0.0/16', '127.0.0.1', 'fd00::/8'];
    expect(refusedBlock('10.0.9.9', allowed)).toBeNull();
    expect(refusedBlock('10.1.0.1', allowed)).toBe('10.0.0.0/8');
    expect(refusedBlock('127.0.0.1', allowed)).toBeNull();
    expect(refusedBlock('::ffff:127.0.0.1', allowed)).toBeNull();
    expect(refusedBlock('127.0.0.2', allowed)).toBe('127.0.0.0/8');
    expect(refusedBlock('fd12::1', allowed)).toBeNull();
    expect(refusedBlock('fc00::1', allowed)).toBe('fc00::/7');
  });

  it('reads an IPv4-mapped allowed block as its IPv4 block', () => {
    expect(refusedBlock('127.0.0.1', ['::ffff:127.0.0.0/104'])).toBeNull();
  });

  it('throws on something that is not an address', () => {
    expect(() => refusedBlock('localhost', [])).toThrow();
  });
});

describe('parseNetworks', () => {
  it('reads a comma-separated list, ignoring blanks', () => {
    expect(parseNetworks(' 10.0.0.0/8, ,::1 ,')).toEqual(['10.0.0.0/8', '::1']);
    expect(parseNetworks('')).toEqual([]);
  });

  it('names an invalid entry', () => {
    expect(() => parseNetworks('10.0.0.0/8,intranet')).toThrow('intranet');
    expect(() => parseNetworks('10.0.0.0/33')).toThrow('10.0.0.0/33');
  });
});
