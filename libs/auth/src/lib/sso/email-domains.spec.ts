import { domainListProblems } from './email-domains';
import { isEntityDescriptor } from './saml-metadata';

describe('SSO settings checks', () => {
  it('accepts comma lists of domains and refuses spaces, junk and public mail domains', () => {
    expect(domainListProblems('labelstud.io,humansignal.com')).toEqual([]);
    expect(domainListProblems('labelstud.io, humansignal.com')).toHaveLength(1);
    expect(domainListProblems('localhost')).toHaveLength(1);
    expect(domainListProblems('example.com,gmail.com')[0]).toMatch(/public email domain/);
  });

  it('knows SAML metadata by its EntityDescriptor root', () => {
    const metadata =
      '<?xml version="1.0"?><md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="x"><md:IDPSSODescriptor/></md:EntityDescriptor>';
    expect(isEntityDescriptor(metadata)).toBe(true);
    expect(isEntityDescriptor('<EntityDescriptor entityID="x"/>')).toBe(true);
    expect(isEntityDescriptor('<Other/>')).toBe(false);
    expect(isEntityDescriptor('<EntityDescriptor>')).toBe(false);
    expect(isEntityDescriptor('not xml')).toBe(false);
    expect(isEntityDescriptor('<!DOCTYPE x [<!ENTITY e "y">]><EntityDescriptor/>')).toBe(false);
  });
});
