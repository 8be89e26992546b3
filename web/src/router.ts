import { createRouter, createWebHistory, type RouteLocationNormalized } from 'vue-router'
import { hasRole, kAdminRoles, kOfficerRoles, kReportRoles, loadSession, session } from './session'

// Paths are Vietnamese, as citizens type and share them; /tra-cuu is also what the QR code on
// form 01 opens (?ma=<code>&k=<secret>).
const router = createRouter({
  history: createWebHistory(),
  routes: [
    { path: '/', component: () => import('./views/CatalogView.vue') },
    { path: '/thu-tuc/:code', component: () => import('./views/ProcedureView.vue'), props: true },
    { path: '/tra-cuu', component: () => import('./views/LookupView.vue') },
    { path: '/dang-nhap', component: () => import('./views/LoginView.vue') },
    {
      path: '/nop-ho-so/:code',
      component: () => import('./views/SubmitView.vue'),
      props: true,
      meta: { roles: ['citizen'] },
    },
    {
      path: '/ho-so-cua-toi',
      component: () => import('./views/MyDossiersView.vue'),
      meta: { roles: ['citizen'] },
    },
    {
      path: '/tiep-nhan',
      component: () => import('./views/ReceptionView.vue'),
      meta: { roles: ['reception_officer', 'clerk'] },
    },
    { path: '/ho-so', component: () => import('./views/DeskView.vue'), meta: { roles: kOfficerRoles } },
    {
      path: '/ho-so/:id',
      component: () => import('./views/DossierView.vue'),
      props: true,
      meta: { roles: [...kOfficerRoles, 'citizen'] },
    },
    { path: '/cong-viec', component: () => import('./views/JobsView.vue'), meta: { roles: kOfficerRoles } },
    { path: '/bao-cao', component: () => import('./views/DashboardView.vue'), meta: { roles: kReportRoles } },
    {
      path: '/lanh-dao',
      component: () => import('./views/LeaderView.vue'),
      meta: { roles: ['division_head', 'agency_head'] },
    },
    { path: '/quan-tri', redirect: () => (hasRole('administrator', 'division_head', 'agency_head', 'inspector') ? '/quan-tri/nguoi-dung' : '/quan-tri/don-vi') },
    {
      path: '/quan-tri/nguoi-dung',
      component: () => import('./views/UsersView.vue'),
      meta: { roles: ['administrator', 'division_head', 'agency_head', 'inspector'] },
    },
    { path: '/quan-tri/don-vi', component: () => import('./views/UnitsView.vue'), meta: { roles: kAdminRoles } },
    { path: '/quan-tri/lich', component: () => import('./views/CalendarsView.vue'), meta: { roles: kAdminRoles } },
    {
      path: '/quan-tri/nhat-ky',
      component: () => import('./views/AuditView.vue'),
      meta: { roles: ['administrator', 'inspector'] },
    },
    // The procedure catalog: read by every administration role, edited by catalog administrators.
    { path: '/quan-tri/thu-tuc', component: () => import('./views/CatalogAdminView.vue'), meta: { roles: kAdminRoles } },
    { path: '/quan-tri/thu-tuc-moi', component: () => import('./views/ProcedureEditView.vue'), meta: { roles: ['administrator'] } },
    {
      path: '/quan-tri/thu-tuc/:code',
      component: () => import('./views/ProcedureEditView.vue'),
      props: true,
      meta: { roles: kAdminRoles },
    },
    { path: '/quan-tri/nhap-danh-muc', component: () => import('./views/CatalogImportView.vue'), meta: { roles: ['administrator'] } },
    { path: '/quan-tri/ra-soat', component: () => import('./views/CatalogHygieneView.vue'), meta: { roles: ['administrator'] } },
    { path: '/:rest(.*)*', component: () => import('./views/NotFoundView.vue') },
  ],
  scrollBehavior: () => ({ top: 0 }),
})

router.beforeEach(async (to: RouteLocationNormalized) => {
  await loadSession()
  const roles = to.meta.roles as string[] | undefined
  if (!roles) return true
  if (!session.me) return { path: '/dang-nhap', query: { next: to.fullPath } }
  return hasRole(...roles) ? true : { path: '/' }
})

// Move focus to the new page's heading, so that screen readers announce it.
router.afterEach(() => {
  setTimeout(() => {
    const h1 = document.querySelector<HTMLElement>('main h1')
    if (h1) {
      h1.setAttribute('tabindex', '-1')
      h1.focus({ preventScroll: true })
    }
  }, 0)
})

export default router
