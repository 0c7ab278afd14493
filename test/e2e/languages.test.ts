/**
 * The extension in Brazilian Portuguese: Chromium started with --lang=pt-BR
 * picks public/_locales/pt_BR, for the toolbar title (the background), the
 * popup and the options page. The other tests run in English (en-US, the
 * launch default).
 */
import { describe, expect, it } from 'vitest';
import { useWorld } from './fixture';

const world = useWorld({ lang: 'pt-BR' });

describe('in Brazilian Portuguese', () => {
  it('the toolbar title and the popup of a profile', async () => {
    const { tab, popup } = await world.popupFor('/nasa/');
    await expect.poll(() => tab.title()).toBe('Destaques de @nasa');
    expect(await popup.settled('list')).toBe('list');

    const page = popup.page;
    expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual(['pt-BR', 'ltr']);
    expect(await page.getByTestId('highlight-count').textContent()).toBe('12 destaques');
    expect(await page.getByTestId('fetched-at').textContent()).toBe('consultado agora mesmo');
    expect(await page.getByRole('region', { name: 'Destaques de @nasa' }).count()).toBe(1);
    await expect.poll(() => page.getByRole('button', { name: 'Copiar todos os IDs' }).count()).toBe(1);
    expect(await page.getByRole('button', { name: /^Atualizar/ }).getAttribute('title')).toBe('Consultar a SociaVault de novo agora. Isso usa 1 crédito.');
    expect(await page.getByRole('button', { name: 'Copiar o ID 17912345678901234' }).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Configurações' }).count()).toBe(1);

    await page.getByRole('button', { name: 'Copiar todos os IDs' }).click();
    await expect.poll(() => page.getByTestId('copy-status').textContent()).toBe('12 IDs copiados');
  });

  it('an error, with its next step', async () => {
    const { popup } = await world.popupFor('/err402/');
    expect(await popup.settled('error', 'out-of-credits')).toBe('error');
    const text = await popup.main.innerText();
    expect(text).toContain('Sem créditos');
    expect(text).toContain('Esta consulta precisa de 1 crédito; você tem 0 créditos. Compre mais no seu painel da SociaVault.');
    expect(await popup.page.getByRole('link', { name: 'Comprar créditos' }).count()).toBe(1);
  });

  it('a page without a profile, and a handle typed wrong', async () => {
    const { popup } = await world.popupFor('/explore/');
    expect(await popup.settled('no-profile')).toBe('no-profile');
    expect(await popup.main.innerText()).toContain('Esta página não é um perfil do Instagram');
    await popup.page.getByLabel('Nome de usuário ou URL do perfil do Instagram').fill('na sa');
    await popup.page.getByRole('button', { name: 'Consultar', exact: true }).click();
    await expect
      .poll(() => popup.page.getByTestId('lookup-error').textContent())
      .toBe('“na sa” não é um nome de usuário nem o link de um perfil. Um nome de usuário tem de 1 a 30 letras, números, pontos ou sublinhados.');
    expect(world.highlightRequests()).toBe(0);
  });

  it('the options page, with counts that are zero and one', async () => {
    await (await world.popupFor('/nasa/')).popup.settled('list');
    const options = await world.browser.openOptions();
    await expect.poll(() => options.title()).toBe('Opções do Highlight Lookup');
    expect(await options.evaluate(() => document.documentElement.lang)).toBe('pt-BR');
    expect(await options.getByRole('heading', { name: 'Chave de API da SociaVault' }).count()).toBe(1);
    await expect.poll(() => options.getByRole('button', { name: 'Salvar configurações' }).isEnabled()).toBe(true);
    await expect.poll(() => options.getByTestId('auto-lookups-today').textContent()).toBe('Hoje: 0 consultas automáticas (0 créditos).');

    await options.getByRole('button', { name: 'Apagar respostas em cache' }).click();
    await expect.poll(() => options.getByTestId('cache-message').textContent()).toBe('1 perfil apagado do cache');

    await options.getByLabel('Chave de API', { exact: true }).fill('sk live');
    await options.getByRole('button', { name: 'Salvar', exact: true }).click();
    await expect
      .poll(() => options.getByTestId('key-message').textContent())
      .toBe('Uma chave de API não tem espaços nem quebras de linha. Verifique se você colou só a chave.');
  });
});
