import { displayScimPath } from './scim-path';

describe('displayScimPath', () => {
  it('drops the directory base and decodes the query', () => {
    expect(displayScimPath('/scim/v2/directory_1/Users?filter=userName%20eq%20%22a%40b.c%22&count=1', 'directory_1')).toBe(
      '/Users?filter=userName eq "a@b.c"&count=1',
    );
    expect(displayScimPath('/scim/v1/directory_1/Groups/g', 'directory_1')).toBe('/Groups/g');
    expect(displayScimPath('/scim/v2/directory_1', 'directory_1')).toBe('/');
  });

  it('keeps paths of other shapes, and undecodable queries, as they are', () => {
    expect(displayScimPath('/Users', 'directory_1')).toBe('/Users');
    expect(displayScimPath('/scim/v2/directory_1/Users?x=%E0%A4%A', 'directory_1')).toBe('/Users?x=%E0%A4%A');
  });
});
